// UTC ISO-8601 timestamps with milliseconds: fixed width, so stored times also sort as text.
#include <array>
#include <chrono>
#include <cstdio>
#include <string>

#include "store/store.hpp"

namespace evalpanel::store {

std::string to_utc_iso8601(std::chrono::system_clock::time_point time) {
    using namespace std::chrono;
    const auto millis = floor<milliseconds>(time);
    const auto day = floor<days>(millis);
    const year_month_day date{day};
    const hh_mm_ss clock{millis - day};
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
    return text.data();
}

std::string now_utc_iso8601() { return to_utc_iso8601(std::chrono::system_clock::now()); }

}  // namespace evalpanel::store
