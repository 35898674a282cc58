package ai.revo.missioncontrol.knowledge;

/** A run of a document's text under one page (PDF) or heading; chunks never cross sections. */
record Section(Integer page, String heading, String text) {}
