#include "tesseract_options.hpp"

#include <gtest/gtest.h>

namespace evalpanel::plugins::tesseract_ocr {
namespace {

using nlohmann::json;

TesseractOptions parsed(const json& options) {
    auto result = parse_options(options);
    if (auto* error = std::get_if<ToolError>(&result)) ADD_FAILURE() << error->message;
    return std::get_if<TesseractOptions>(&result) ? std::get<TesseractOptions>(result) : TesseractOptions{};
}

std::string rejection(const json& options) {
    auto result = parse_options(options);
    const auto* error = std::get_if<ToolError>(&result);
    if (!error) {
        ADD_FAILURE() << "accepted " << options.dump();
        return "";
    }
    EXPECT_EQ(error->kind, ErrorKind::fatal);
    return error->message;
}

TEST(TesseractOptions, DefaultsWhenEmpty) {
    for (const json& empty : {json::object(), json(nullptr)}) {
        const TesseractOptions o = parsed(empty);
        EXPECT_EQ(o.lang, "eng");
        EXPECT_EQ(o.psm, 3);
        EXPECT_EQ(o.oem, 3);
        EXPECT_EQ(o.dpi, std::nullopt);  // Tesseract estimates; README.md says why
        EXPECT_EQ(o.tessdata, "");
        EXPECT_TRUE(o.variables.empty());
    }
}

TEST(TesseractOptions, ReadsEveryKey) {
    const TesseractOptions o = parsed({{"lang", "eng+deu"},
                                       {"psm", 6},
                                       {"oem", 1},
                                       {"dpi", 300},
                                       {"tessdata", "/"},
                                       {"variables", {{"a", "x"}, {"b", 2}, {"c", true}}}});
    EXPECT_EQ(o.lang, "eng+deu");
    EXPECT_EQ(o.psm, 6);
    EXPECT_EQ(o.oem, 1);
    EXPECT_EQ(o.dpi, 300);
    EXPECT_EQ(o.tessdata, "/");
    const std::vector<std::pair<std::string, std::string>> expected{{"a", "x"}, {"b", "2"}, {"c", "1"}};
    EXPECT_EQ(o.variables, expected);
}

TEST(TesseractOptions, UnknownKeyIsNamedWithTheKnownOnes) {
    EXPECT_EQ(rejection({{"foo", 1}}),
              "unknown option 'foo' for tesseract_ocr (known: lang, psm, oem, dpi, tessdata, variables, max_pixels)");
}

TEST(TesseractOptions, PsmOutOfRangeOrWrongTypeIsRejected) {
    EXPECT_NE(rejection({{"psm", 14}}).find("option 'psm' must be an integer in [0, 13]"), std::string::npos);
    EXPECT_NE(rejection({{"psm", -1}}).find("got -1"), std::string::npos);
    EXPECT_NE(rejection({{"psm", "3"}}).find("got a string"), std::string::npos);
    EXPECT_NE(rejection({{"psm", 3.5}}).find("got a fractional number"), std::string::npos);
}

TEST(TesseractOptions, OtherBadValuesNameTheirKey) {
    EXPECT_NE(rejection({{"oem", 4}}).find("'oem'"), std::string::npos);
    EXPECT_NE(rejection({{"dpi", 0}}).find("'dpi' must be an integer in [70, 2400]"), std::string::npos);
    EXPECT_NE(rejection({{"lang", ""}}).find("'lang'"), std::string::npos);
    EXPECT_NE(rejection({{"lang", "../eng"}}).find("'lang'"), std::string::npos);
    EXPECT_NE(rejection({{"tessdata", "/no/such/dir"}}).find("'/no/such/dir' is not a directory"),
              std::string::npos);
    EXPECT_NE(rejection({{"variables", {1, 2}}}).find("'variables' must be a map"), std::string::npos);
    EXPECT_NE(rejection({{"variables", {{"x", {1}}}}}).find("variables.x"), std::string::npos);
    EXPECT_NE(rejection(json::array()).find("must be a map"), std::string::npos);
}

TEST(TesseractOptions, MaxPixelsDefaultsToAHundredMegapixelsAndIsRangeChecked) {
    EXPECT_EQ(parsed(json::object()).max_pixels, 100'000'000u);
    EXPECT_EQ(parsed({{"max_pixels", 5'000'000'000LL}}).max_pixels, 5'000'000'000u);  // beyond int
    EXPECT_EQ(rejection({{"max_pixels", 0}}),
              "tesseract_ocr option 'max_pixels' must be an integer in [1, 1000000000000] (pixels an image may "
              "declare; larger ones are refused undecoded), got 0");
    EXPECT_NE(rejection({{"max_pixels", "many"}}).find("got a string"), std::string::npos);
}

}  // namespace
}  // namespace evalpanel::plugins::tesseract_ocr
