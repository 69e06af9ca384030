import Foundation
import Hummingbird
import SensemakingCore

extension JoinServer {
    /// `POST /dots`: a device places its dots, privately and at the same time as the others,
    /// through the loop as `/dots` is, answered "placed" once on disk. The form says how many
    /// dots on each story (`sN=COUNT`, a stepper per story), or lists them (`stories=2 2 5`).
    func placeDots(_ request: Request) async -> Response {
        let post: DevicePost
        switch await devicePost(request, tooFast: "Not placed: that was faster than anyone votes. Place them again in a moment.") {
        case .success(let accepted): post = accepted
        case .failure(let refusal): return refusal.response
        }
        let (token, form, device, wantsJSON) = (post.token, post.form, post.device, post.wantsJSON)
        guard let key = form["key"], Self.isKey(key), let stories = Self.dotStories(form) else {
            return answer(.badRequest, "Not placed: the form was incomplete. Reload the page.", json: wantsJSON, device: device)
        }
        let anonymous = hub.current.session.anonymous
        if anonymous && device.placedDots {
            return answer(.conflict, "Not placed: this device has placed its dots.", json: wantsJSON, device: device)
        }
        let outcome = await hub.send(.dots(participant: anonymous ? nil : device.name, stories: stories, key: key),
                                     timeout: configuration.sendTimeout)
        if anonymous && outcome == .sent { devices.markPlacedDots(token) }
        return answer(outcome, saved: "Dots placed: saved.", redirect: "/?placed=1", notDone: "Not placed",
                      again: "Place them again; they will not count twice.", json: wantsJSON, device: device)
    }

    /// Board numbers, one per dot, from `stories=2 2 5` or from steppers `s2=2&s5=1`; nil
    /// when a field is not a number (an empty placement is the core's to refuse).
    static func dotStories(_ form: [String: String]) -> [Int]? {
        if let list = form["stories"] {
            var stories: [Int] = []
            for part in list.split(whereSeparator: { $0 == " " || $0 == "," }) {
                guard let number = Int(part), number > 0 else { return nil }
                stories.append(number)
            }
            return stories
        }
        var stories: [Int] = []
        for (name, value) in form where name.hasPrefix("s") {
            guard let number = Int(name.dropFirst()), number > 0 else { continue }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            // At most a hundred per story: the core refuses more than each has anyway.
            guard let count = Int(trimmed), (0...100).contains(count) else { return nil }
            stories += Array(repeating: number, count: count)
        }
        return stories.sorted()
    }
}
