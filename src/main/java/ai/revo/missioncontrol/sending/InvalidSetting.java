package ai.revo.missioncontrol.sending;

/** A value the email sending settings refuse, naming the field it came from. */
final class InvalidSetting extends IllegalArgumentException {

    final String field;

    InvalidSetting(String field, String reason) {
        super(reason);
        this.field = field;
    }
}
