#include <fstream>
#include <iterator>
#include <stdexcept>

#include "suite/generate.hpp"
#include "suite/suite.hpp"

namespace evalpanel::suite {

std::vector<std::uint8_t> load_image_bytes(const Case& c) {
    if (!c.image) return {};
    if (c.image->generate) return render_image(*c.image->generate);

    const std::filesystem::path& path = c.image->path;
    std::ifstream stream(path, std::ios::binary);
    if (!stream) throw std::runtime_error(path.string() + ": cannot open image of case `" + c.id + "`");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    if (stream.bad()) throw std::runtime_error(path.string() + ": cannot read image of case `" + c.id + "`");
    return bytes;
}

}  // namespace evalpanel::suite
