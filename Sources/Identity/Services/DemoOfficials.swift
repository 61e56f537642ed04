import Foundation
import Platform
import Territory

/// The demo's officials, one per level and role, with known passwords and one shared, published TOTP secret.
/// Only `serve --demo` creates them; never use these secrets outside a demo.
public enum DemoOfficials {
    /// The demo password of every demo official.
    public static let password = "Chengdu-Demo-2018"
    /// The demo TOTP secret of every demo official (its `otpauth://` URI is printed and in the README).
    public static let totpSecret = "CitizenCloudDemoTOTP"

    /// One demo account.
    public struct Entry: Sendable {
        public let username: String
        public let name: String
        public let role: Role
        public let scope: String
    }

    /// The accounts: city, 锦江区, 春熙路街道, a community under it, an auditor, an administrator, staff of five
    /// departments of the service catalog (scope: the department id) who handle its applications, and staff of the
    /// water company and the traffic police who issue bills and fines.
    public static func entries(community: String) -> [Entry] {
        [
            Entry(username: "city.officer", name: "市级干部（演示）", role: .cityOfficer, scope: "510100"),
            Entry(username: "jinjiang.officer", name: "锦江区干部（演示）", role: .districtOfficer, scope: "510104"),
            Entry(username: "chunxilu.officer", name: "春熙路街道干部（演示）", role: .streetOfficer, scope: "510104003"),
            Entry(username: "community.worker", name: "社区工作者（演示）", role: .communityWorker, scope: community),
            Entry(username: "city.auditor", name: "审计员（演示）", role: .auditor, scope: "510100"),
            Entry(username: "platform.admin", name: "平台管理员（演示）", role: .platformAdmin, scope: "510100"),
            Entry(username: "psb.staff", name: "市公安局工作人员（演示）", role: .departmentStaff, scope: "cd-psb"),
            Entry(username: "hpf.staff", name: "公积金中心工作人员（演示）", role: .departmentStaff, scope: "cd-hpf"),
            Entry(
                username: "medsec.staff", name: "市医保局工作人员（演示）", role: .departmentStaff,
                scope: "cd-medical-security"),
            Entry(username: "hrss.staff", name: "市人社局工作人员（演示）", role: .departmentStaff, scope: "cd-hrss"),
            Entry(
                username: "hotline.staff", name: "市网络理政办工作人员（演示）", role: .departmentStaff,
                scope: "cd-governance"),
            Entry(username: "water.staff", name: "自来水公司工作人员（演示）", role: .departmentStaff, scope: "cd-water"),
            Entry(
                username: "traffic.staff", name: "交管局工作人员（演示）", role: .departmentStaff,
                scope: "cd-traffic-police"),
        ]
    }

    /// Creates the demo officials that do not exist yet; returns the entries (all of them).
    public static func seed(service: IdentityService, divisions: DivisionRepository) async throws -> [Entry] {
        let (communities, _) = try await divisions.list(.init(parentCode: "510104003"), after: nil, limit: 1)
        let entries = self.entries(community: communities.first?.code ?? "510104003")
        for entry in entries {
            do {
                _ = try await service.createOfficial(
                    username: entry.username, name: entry.name, role: entry.role, scope: entry.scope,
                    password: self.password, totpSecret: self.totpSecret, divisions: divisions)
            } catch let problem as Problem where problem.code == "username_taken" {
                continue
            }
        }
        return entries
    }
}
