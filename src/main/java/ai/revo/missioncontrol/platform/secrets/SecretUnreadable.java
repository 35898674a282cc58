package ai.revo.missioncontrol.platform.secrets;

/** A sealed secret could not be opened: wrong installation key, wrong context, or altered. */
public class SecretUnreadable extends RuntimeException {

    public SecretUnreadable(String why) {
        super("A stored secret cannot be read: " + why);
    }
}
