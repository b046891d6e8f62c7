# The installed CMake package: evalpanelConfig.cmake finds the SDK's dependencies, imports evalpanel::sdk
# and provides evalpanel_add_plugin() that installs plugins where the installed evalpanel finds them.
include(CMakePackageConfigHelpers)
set(EVALPANEL_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/evalpanel)
install(EXPORT evalpanelTargets NAMESPACE evalpanel:: DESTINATION ${EVALPANEL_CMAKE_INSTALL_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/evalpanelConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/evalpanelConfig.cmake
                              INSTALL_DESTINATION ${EVALPANEL_CMAKE_INSTALL_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/evalpanelConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/evalpanelConfig.cmake ${PROJECT_BINARY_DIR}/evalpanelConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/EvalpanelPlugin.cmake
        DESTINATION ${EVALPANEL_CMAKE_INSTALL_DIR})
# The default panel and the shipped suites, where the installed CLI looks for them.
install(FILES ${PROJECT_SOURCE_DIR}/reports/panel.yaml DESTINATION ${CMAKE_INSTALL_DATADIR}/evalpanel)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/suites DESTINATION ${CMAKE_INSTALL_DATADIR}/evalpanel)
