/// A request the dashboard cannot answer as asked (400), with its reason.
struct RequestProblem: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
