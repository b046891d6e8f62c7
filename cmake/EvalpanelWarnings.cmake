# evalpanel_warnings(TARGET): the project's warning set, applied per target (never globally, so imported
# and third-party code is not affected).
function(evalpanel_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
    -Wno-restrict)  # GCC 12 false positive on std::string concatenation (GCC bug 105329)
  if(EVALPANEL_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
