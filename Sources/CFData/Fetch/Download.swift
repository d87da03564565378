import CFCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Streams a URL into a file while hashing it; `file://` URLs are copied the same way.
enum Download {
    struct Result {
        var bytes: Int
        var sha256: String
        var md5: String
    }

    static func run(from url: URL, to path: String, progress: @escaping @Sendable (Int, Int?) -> Void) throws -> Result {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let output = FileHandle(forWritingAtPath: path) else {
            throw DataError.unreadable(path: path, reason: "cannot create the download file")
        }
        defer { try? output.close() }
        let sink = HashingSink(output: output, progress: progress)
        if url.isFileURL {
            guard let input = FileHandle(forReadingAtPath: url.path) else {
                throw DataError.missing(path: url.path, hint: "check the --url path")
            }
            defer { try? input.close() }
            sink.expected = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
            while true {
                let chunk = input.readData(ofLength: 1 << 20)
                if chunk.isEmpty { break }
                try sink.write(chunk)
            }
        } else {
            try NetworkTransfer(url: url, sink: sink).run()
        }
        return Result(bytes: sink.bytes, sha256: sink.sha256.finalizeHex(), md5: sink.md5.finalizeHex())
    }
}

/// Where downloaded bytes go: the file, both hashers and the progress callback.
final class HashingSink: @unchecked Sendable {
    let output: FileHandle
    let progress: @Sendable (Int, Int?) -> Void
    var sha256 = Hasher256()
    var md5 = LegacyMD5Hasher()
    var bytes = 0
    var expected: Int?

    init(output: FileHandle, progress: @escaping @Sendable (Int, Int?) -> Void) {
        self.output = output
        self.progress = progress
    }

    func write(_ chunk: Data) throws {
        try output.write(contentsOf: chunk)
        sha256.update(chunk)
        md5.update(chunk)
        bytes += chunk.count
        progress(bytes, expected)
    }
}

/// One HTTP(S) GET through URLSession, delivering data to a `HashingSink` as it arrives.
final class NetworkTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let url: URL
    let sink: HashingSink
    private let done = DispatchSemaphore(value: 0)
    private var failure: Error?

    init(url: URL, sink: HashingSink) {
        self.url = url
        self.sink = sink
    }

    func run() throws {
        let session = URLSession(configuration: .default, delegate: self, delegateQueue: nil)
        session.dataTask(with: url).resume()
        done.wait()
        session.finishTasksAndInvalidate()
        if let failure { throw DataError.unreadable(path: url.absoluteString, reason: "download failed: \(failure.localizedDescription)") }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
            failure = DataError.unreadable(path: url.absoluteString, reason: "HTTP \(http.statusCode)")
            completionHandler(.cancel)
            return
        }
        sink.expected = response.expectedContentLength > 0 ? Int(response.expectedContentLength) : nil
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard failure == nil else { return }
        do { try sink.write(data) } catch {
            failure = error
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if failure == nil, let error { failure = error }
        done.signal()
    }
}
