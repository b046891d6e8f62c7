# evalpanel_warnings(TARGET): the project's warning set, applied per target (never globally, so imported
# and third-party code is not affected).
function(evalpanel_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor)
  if(EVALPANEL_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
