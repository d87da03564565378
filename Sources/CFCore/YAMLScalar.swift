import Foundation

/// How YAML reads a plain (unquoted) scalar, shared by the config parser and `YAMLPrinter`.
public enum YAMLScalar {
    /// YAML 1.2 core schema resolution of a plain scalar: null, true/false, an integer,
    /// a finite float, otherwise the text itself.
    public static func resolve(plain text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let numeric = text.allSatisfy { "0123456789+-.eE_".contains($0) } && text.contains { $0.isNumber }
        guard numeric else { return .string(text) }
        let digits = text.replacingOccurrences(of: "_", with: "")
        if let integer = Int64(digits) { return .int(integer) }
        if let real = Double(digits), real.isFinite { return .double(real) }
        return .string(text)
    }
}
