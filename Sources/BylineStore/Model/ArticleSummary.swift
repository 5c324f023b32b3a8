import BylineAnalysis

/// An article as lists show it: what identifies it and where it comes from, not its body.
public struct ArticleSummary: Sendable, Hashable {
    public let id: String
    public let sequence: Int64
    public let title: String?
    public let outlet: Outlet?
    public let published: CalendarDate?
    public let url: String?
    public let authors: [String]
    public let language: String
    public let wordCount: Int
    public let storyID: String?
    public let ingestedAt: String
}
