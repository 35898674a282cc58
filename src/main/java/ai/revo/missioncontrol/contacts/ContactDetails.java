package ai.revo.missioncontrol.contacts;

import java.util.List;
import java.util.Map;

/**
 * What a client says about a person; every field optional. Email and phone are normalised by the contacts module
 * (lower-case; E.164 with the workspace's region), never trusted as given.
 */
public record ContactDetails(
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String jobTitle,
        String city,
        String country,
        String timezone,
        String source,
        List<String> tags,
        Map<String, Object> customFields) {}
