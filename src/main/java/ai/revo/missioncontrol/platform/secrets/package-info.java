/** Secrets at rest: AES-GCM sealing under the installation key. */
@org.springframework.modulith.NamedInterface("secrets")
package ai.revo.missioncontrol.platform.secrets;
