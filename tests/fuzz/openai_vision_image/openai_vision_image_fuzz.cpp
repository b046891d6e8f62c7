// An image as a suite hands it to openai_vision (plugins/openai_vision/image_payload.hpp, decoded by
// Leptonica behind hand-written PNG chunk and JPEG EXIF readers): any bytes become a payload or nothing,
// never an exception, a crash or a read out of bounds. Inputs over the tool's pixel limit are skipped
// here as the tool refuses them before decoding (evalpanel/image.hpp).
#include <cstdint>
#include <span>
#include <string_view>

#include <evalpanel/image.hpp>

#include "exif_orientation.hpp"
#include "fuzz_check.hpp"
#include "image_payload.hpp"

using namespace evalpanel::plugins::openai_vision;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> bytes(data, size);
    const int orientation = jpeg_exif_orientation(bytes);
    FUZZ_CHECK(orientation >= 1 && orientation <= 8, "an EXIF orientation is 1..8 (1 when there is none)");
    // A small limit keeps each input cheap; the tool's default is 100 million pixels.
    if (evalpanel::image::exceeds_pixel_limit(bytes, 4'000'000)) return 0;
    for (const ImageFormat format : {ImageFormat::png, ImageFormat::jpeg}) {
        const auto payload = make_payload(bytes, 64, format, 80);
        if (!payload) continue;
        FUZZ_CHECK(payload->sent.width >= 1 && payload->sent.height >= 1, "a payload has pixels");
        FUZZ_CHECK(payload->sent.width <= 64 && payload->sent.height <= 64, "a payload fits max_side");
        const std::string_view prefix = format == ImageFormat::png ? "data:image/png;base64," : "data:image/jpeg;base64,";
        FUZZ_CHECK(std::string_view(payload->data_uri).substr(0, prefix.size()) == prefix, "a data URI of the format asked");
        FUZZ_CHECK(payload->encoded_bytes > 0, "a payload has bytes");
    }
    return 0;
}
