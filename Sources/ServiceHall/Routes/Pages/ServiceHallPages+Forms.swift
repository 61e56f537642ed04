import Foundation
import Hummingbird
import Platform

extension ServiceHallPages {
    func registerForms(on router: Router<AppRequestContext>) {
        router.post("/services/{id}/apply") { request, context in
            let id = try context.parameters.require("id")
            let (_, fields) = try await WebForm.requireSession(request, context: context)
            var values = fields
            let key = values.removeValue(forKey: "idempotencyKey") ?? ""
            values["csrf"] = nil
            do {
                let submission = try await self.applications.submit(
                    serviceID: id, values: values, idempotencyKey: key, by: context.principal)
                self.usage.invalidate()
                return WebForm.redirect("/me/applications/\(submission.application.id)")
            } catch let invalid as FormInvalid {
                return try await self.detail(
                    id, request, context, values: values.merging(["idempotencyKey": key]) { $1 }, errors: invalid,
                    status: .unprocessableContent)
            }
        }
        router.post("/services/{id}/favourite") { request, context in
            let id = try context.parameters.require("id")
            let (_, fields) = try await WebForm.requireSession(request, context: context)
            guard let resident = Self.resident(context) else {
                return WebForm.signInRedirect(returningTo: "/services/\(id)")
            }
            guard try await self.catalog.snapshot().service(id) != nil else {
                throw ServiceHallProblem.serviceNotFound(id)
            }
            if fields["action"] == "remove" {
                try await self.usage.repository.removeFavourite(accountID: resident.subject, serviceID: id)
            } else {
                try await self.usage.repository.addFavourite(
                    accountID: resident.subject, serviceID: id, at: self.clock())
            }
            return WebForm.redirect("/services/\(id)")
        }
        router.get("/services/{id}/open") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = try context.parameters.require("id")
            do {
                let target = try await self.launcher.launch(id, by: context.principal)
                self.usage.invalidate()
                return WebForm.redirect(target)
            } catch let problem as Problem where problem.code == AuthorizationProblem.unauthenticated.code {
                return WebForm.signInRedirect(returningTo: "/services/\(id)")
            }
        }
    }
}
