import BylineStore

/// `{"id": "trt-world", "name": "TRT World"}`.
struct OutletJSON: Encodable, Equatable {
    let id: String
    let name: String

    enum CodingKeys: String, CodingKey {
        case id
        case name
    }

    init(_ outlet: Outlet) {
        id = outlet.id
        name = outlet.name
    }
}
