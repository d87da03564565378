import CFCore
import HTTPTypes
import Hummingbird
import NIOCore

/// Response bodies with their content types: HTML, JSON, SVG and static files.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, type: "text/html; charset=utf-8", status: status)
    }

    /// `value` as compact JSON: the same serialisation as `--format json` (numbers in full,
    /// NaN and infinities as strings).
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        body(value.compact + "\n", type: "application/json; charset=utf-8", status: status)
    }

    static func body(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(ByteBuffer(string: text), type: type, status: status)
    }

    static func bytes(_ buffer: ByteBuffer, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// `text` as HTML with an entity tag, or 304 Not Modified when the request already
    /// holds it: the pages' live polling then costs a render and no transfer.
    static func page(_ text: String, for request: Request) -> Response {
        let tag = "\"" + String(Digest.sha256Hex(text).prefix(32)) + "\""
        if request.headers[.ifNoneMatch] == tag {
            var headers = HTTPFields()
            headers[.eTag] = tag
            return Response(status: .notModified, headers: headers)
        }
        var response = html(text)
        response.headers[.eTag] = tag
        response.headers[.cacheControl] = "no-cache"
        return response
    }
}
