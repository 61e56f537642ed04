import Platform

/// The community-affairs context's actions and the roles that may perform them.
extension Action {
    /// Review certificate requests of residents registered in the community, and issue certificates.
    public static let reviewCertificates = Action("certificates.review", roles: [.communityWorker])
    /// See the certificates issued inside the scope and revoke one with a reason.
    public static let revokeCertificates = Action(
        "certificates.revoke", roles: [.communityWorker, .streetOfficer, .districtOfficer, .cityOfficer])
    /// Rotate the key that signs certificates (earlier certificates keep verifying under their key).
    public static let rotateCertificateKeys = Action("certificates.keys", roles: [.cityOfficer, .platformAdmin])
}
