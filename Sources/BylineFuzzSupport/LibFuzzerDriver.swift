// Runs libFuzzer from a SwiftPM executable. SwiftPM links its own `main`, so libFuzzer's is
// never used: we find `LLVMFuzzerRunDriver` at run time and hand it the target's callback.
// Looking it up with dlsym (rather than declaring it with @_silgen_name) keeps the fuzz
// executables linkable in a normal `swift build`, where the fuzzer runtime is absent.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer's per-input callback: the bytes of one input; returns 0.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

public enum LibFuzzerDriver {
    typealias RunDriver = @convention(c) (
        UnsafeMutablePointer<Int32>,
        UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        FuzzTarget
    ) -> Int32

    /// Hands the process's arguments and `target` to libFuzzer and exits with its status;
    /// exits 2 when the binary was built without `-sanitize=fuzzer` (see scripts/fuzz.sh).
    public static func run(_ name: String, _ target: FuzzTarget) -> Never {
        #if os(Linux)
        let defaultHandle: UnsafeMutableRawPointer? = nil  // glibc: RTLD_DEFAULT is ((void *) 0)
        #else
        let defaultHandle = UnsafeMutableRawPointer(bitPattern: -2)  // Darwin: RTLD_DEFAULT is ((void *) -2)
        #endif
        guard let symbol = dlsym(defaultHandle, "LLVMFuzzerRunDriver") else {
            print("\(name): libFuzzer is not linked in; build with scripts/fuzz.sh")
            exit(2)
        }
        let runDriver = unsafeBitCast(symbol, to: RunDriver.self)
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, target))
    }
}
