import BylineStore

/// Turns the store's typed errors into the API's; other errors pass through (and become 500).
enum StoreErrors {
    static func translated<T>(_ operation: () throws -> T) throws -> T {
        do {
            return try operation()
        } catch StoreError.emptyText {
            throw APIError.unprocessable(reason: "The article has no text.")
        } catch StoreError.noArticleInPage {
            throw APIError.unprocessable(reason: "No article text could be found in the page.")
        } catch StoreError.invalidSearchQuery(_, let reason) {
            throw APIError.invalidSearchQuery(reason: reason)
        } catch StoreError.invalidLimit(let limit) {
            throw APIError.invalidQueryParameter(
                name: "limit", reason: "must be an integer from \(ArticleQuery.limits.lowerBound) to \(ArticleQuery.limits.upperBound), got \(limit).")
        } catch {
            if let failure = StorageFailure(error) { throw APIError.storageUnavailable(failure) }
            throw error
        }
    }
}
