import Foundation

/// Where a run executes: operating system and CPU model, recorded with every run.
public enum HostInfo {
    /// For example "Linux 6.8.0-45-generic (Ubuntu 24.04.1 LTS)".
    public static let operatingSystem: String = {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let kernel = "\(field(name.sysname)) \(field(name.release))"
        let pretty = ProcessInfo.processInfo.operatingSystemVersionString
        return pretty.isEmpty ? kernel : "\(kernel) (\(pretty))"
    }()

    /// The `model name` of the first processor in /proc/cpuinfo, or the machine type.
    public static let cpuModel: String = {
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("model name") {
                if let colon = line.firstIndex(of: ":") {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        var name = utsname()
        uname(&name)
        return withUnsafeBytes(of: name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }()
}
