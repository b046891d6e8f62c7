# evalpanel_add_plugin(NAME SOURCES src... [OUTPUT_DIR dir] [NO_INSTALL])
# Builds a plugin as a MODULE library named evalpanel_plugin_<NAME>.so, the name the host's discovery
# looks for, linked against the SDK only.
function(evalpanel_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIR" "SOURCES" ${ARGN})
  set(target evalpanel_plugin_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE evalpanel::sdk)
  set_target_properties(${target} PROPERTIES PREFIX "" OUTPUT_NAME evalpanel_plugin_${name}
                        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${ARG_OUTPUT_DIR})
  elseif(DEFINED EVALPANEL_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${EVALPANEL_PLUGIN_OUTPUT_DIR})
  endif()
  if(NOT ARG_NO_INSTALL AND DEFINED EVALPANEL_PLUGIN_INSTALL_DIR)
    install(TARGETS ${target} LIBRARY DESTINATION ${EVALPANEL_PLUGIN_INSTALL_DIR})
  endif()
endfunction()
