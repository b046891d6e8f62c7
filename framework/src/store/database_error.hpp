// Turns an SQLite failure into one sentence that names the database file, what evalpanel was doing and
// what the user can do about it.
#pragma once

#include <stdexcept>
#include <string>

#include <SQLiteCpp/Exception.h>

namespace evalpanel::store {

// "<file>: cannot <action>: <explanation> (SQLite: <SQLite's own message>)"
std::runtime_error database_error(const std::string& file, const std::string& action,
                                  const SQLite::Exception& error);

}  // namespace evalpanel::store
