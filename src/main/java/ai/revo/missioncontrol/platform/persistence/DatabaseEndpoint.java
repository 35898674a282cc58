package ai.revo.missioncontrol.platform.persistence;

/** Where the database is and how to log in; the application's runtime role is switched to after login. */
record DatabaseEndpoint(String url, String username, String password) {}
