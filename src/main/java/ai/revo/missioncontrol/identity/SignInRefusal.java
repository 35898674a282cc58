package ai.revo.missioncontrol.identity;

/** Why a provider's sign-in was refused; the page and the API say which, in words chosen by code. */
public enum SignInRefusal {
    /** No user has this e-mail, no invitation waits for it, and sign-up is switched off. */
    SIGNUP_DISABLED,
    /** The provider does not vouch for the e-mail, so it links to nobody and opens no workspace. */
    EMAIL_UNVERIFIED,
    /** The provider gave no e-mail address. */
    EMAIL_MISSING,
    /** The user was deactivated. */
    DEACTIVATED,
    /** The invitation waiting for this e-mail has expired. */
    INVITATION_EXPIRED,
    /** The workspace is suspended by the installation's operator. */
    SUSPENDED,
    /** The provider's answer could not be verified (state, nonce, code or token). */
    PROVIDER_ERROR
}
