/// Small MovieLens-shaped fixtures.
enum Fixture {
    static let latestSmallRatings = """
        userId,movieId,rating,timestamp
        1,10,4.0,964982703
        1,20,3.5,964981247
        2,10,5.0,964982224
        2,30,0.5,964983815
        3,20,2.0,964982931

        """

    static let latestSmallMovies = """
        movieId,title,genres
        10,"American President, The (1995)",Comedy|Drama|Romance
        20,"Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1964)",Comedy|War
        30,"Crossing Guard, The ""Director's cut"" (1995)",(no genres listed)

        """

    static let ml100kData = """
        1\t1\t5\t874965758
        1\t2\t3\t876893171
        2\t1\t4\t888550871
        2\t3\t2\t888551234
        3\t2\t1\t878542960
        3\t3\t4\t878543541

        """

    static let ml100kGenre = "unknown|0\nAction|1\nComedy|2\n\n"

    /// u.item with ISO-8859-1 bytes: item 3 is "Café (1990)" with é as the single byte 0xE9.
    static var ml100kItemBytes: [UInt8] {
        var bytes = Array("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|1\n2|GoldenEye (1995)|01-Jan-1995||http://y|0|1|0\n3|Caf".utf8)
        bytes.append(0xE9)
        bytes += Array(" (1990)|01-Jan-1990||http://z|1|0|0\n".utf8)
        return bytes
    }
}
