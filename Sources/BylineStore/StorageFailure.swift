import GRDB

/// Why the database could not take a write, told apart from faults of the store itself.
///
/// A full disk (or the configured size cap, enforced by SQLite as `SQLITE_FULL`), a
/// read-only file or volume, and I/O errors are conditions of the machine, not of the
/// request: the caller answers 503 and the client may retry. SQLite rolls the failed
/// transaction back, so nothing stored before is touched and reads keep working.
public enum StorageFailure: Sendable, Hashable {
    case diskFull
    case readOnly
    case ioError

    /// The storage condition behind `error`, or nil when the error is something else.
    public init?(_ error: any Error) {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_READONLY: self = .readOnly
        case .SQLITE_IOERR, .SQLITE_CANTOPEN: self = .ioError
        default: return nil
        }
    }

    /// One sentence for a problem's detail; never SQLite's own message, which may name paths.
    public var explanation: String {
        switch self {
        case .diskFull: "the store is full (no disk space left, or its configured size cap reached)"
        case .readOnly: "the store is read-only"
        case .ioError: "the store's disk reported an I/O error"
        }
    }
}
