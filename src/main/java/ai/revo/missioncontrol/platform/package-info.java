/**
 * Wiring shared by every module: embedded PostgreSQL, the tenant-scoped transaction manager, request ids,
 * the API error shape and list envelope, JSON and clock. Holds no business rules.
 * Publishes nothing; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package ai.revo.missioncontrol.platform;
