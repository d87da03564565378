/// The version printed by `cflab --version` and recorded with every run.
public enum CFLabVersion {
    public static let string = "0.4.0"
}
