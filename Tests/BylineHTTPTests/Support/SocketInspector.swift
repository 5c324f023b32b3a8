import Foundation

/// Which of this process's file descriptors are TCP sockets on a given local port. Reads
/// /proc/net/tcp{,6} for the sockets' inodes and /proc/self/fd for the descriptors, so it
/// is exact even while other tests open sockets of their own in parallel.
enum SocketInspector {
    static func openDescriptors(localPort: Int) -> Int {
        var inodes = Set<String>()
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let cols = line.split(separator: " ", omittingEmptySubsequences: true)
                guard cols.count > 9 else { continue }
                let local = cols[1].split(separator: ":")
                guard local.count == 2, Int(local[1], radix: 16) == localPort else { continue }
                if cols[9] != "0" { inodes.insert(String(cols[9])) }
            }
        }
        var count = 0
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in fds {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
                  target.hasPrefix("socket:[") else { continue }
            let inode = String(target.dropFirst(8).dropLast())
            if inodes.contains(inode) { count += 1 }
        }
        return count
    }
}
