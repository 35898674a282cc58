package ai.revo.missioncontrol.platform;

/**
 * The labelled groups of the dashboard's sidebar, in the order they appear. A module's pages join one of them, so a
 * new capability slots into the menu without touching the layout.
 */
public enum NavigationGroup {
    HOME("Home"),
    SELL("Sell"),
    CONVERSATIONS("Conversations"),
    REVENUE("Revenue"),
    AUTOMATE("Automate"),
    KNOWLEDGE("Knowledge & data"),
    WATCH("Watch"),
    SETTINGS("Settings");

    private final String label;

    NavigationGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
