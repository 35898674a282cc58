package ai.revo.missioncontrol.sites;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A site with its signing secret in clear: answered once, when the site is registered or its secret rotated. */
public record SiteWithSecret(@JsonUnwrapped SiteView site, String secret) {}
