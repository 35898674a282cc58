package ai.revo.missioncontrol.whatsapp;

/** A refused setting, naming its field. */
class InvalidWhatsAppSetting extends RuntimeException {

    final String field;

    InvalidWhatsAppSetting(String field, String reason) {
        super(reason);
        this.field = field;
    }
}
