package ai.revo.missioncontrol.safety;

/** The outbound channels a message can leave through. */
public enum Channel {
    EMAIL,
    WHATSAPP,
    FACEBOOK,
    INSTAGRAM,
    LINKEDIN,
    SMS
}
