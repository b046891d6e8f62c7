// The resolution an encoded image file declares about itself, read from its header bytes.
//
// Tesseract sizes its layout analysis from the resolution (dots per inch). When the `tesseract` command
// reads a file, Leptonica fills the resolution in from the file header; when a plugin hands Tesseract a
// decoded pixel buffer, that header is gone, so the plugin reads it here and passes it on. The rules
// follow Leptonica 1.82's readers so that both paths see the same resolution for the same file:
//   - PNG: the pHYs chunk, only when its unit is the metre (unit 0 means "aspect ratio only").
//   - JPEG: the JFIF APP0 density, when its unit is 1 (dots per inch) or 2 (dots per centimetre).
// EXIF XResolution is deliberately not read: Leptonica ignores it, and cameras write 72 there whatever
// the scene, which would switch off Tesseract's own resolution estimate for photographs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace evalpanel::plugins::tesseract_ocr {

// The vertical resolution in dots per inch (rounded to the nearest integer) that the image declares,
// or nullopt when it declares none, declares zero, or is not a PNG or JPEG file. Never throws; reads
// nothing outside the span.
std::optional<int> declared_dpi(std::span<const std::uint8_t> encoded);

}  // namespace evalpanel::plugins::tesseract_ocr
