# Finds the three OpenCV modules evalpanel uses (core, imgproc, imgcodecs) and defines the imported
# target evalpanel::opencv. Debian ships OpenCV's CMake package only in the meta-package libopencv-dev,
# which pulls in every OpenCV module (video, dnn, viz, ...); the three -dev packages we need install
# headers and libraries but no config file, so look for them directly.
find_package(OpenCV QUIET COMPONENTS core imgproc imgcodecs)
if(OpenCV_FOUND)
  add_library(evalpanel::opencv INTERFACE IMPORTED)
  target_link_libraries(evalpanel::opencv INTERFACE ${OpenCV_LIBS})
  target_include_directories(evalpanel::opencv INTERFACE ${OpenCV_INCLUDE_DIRS})
  set(EvalpanelOpenCV_FOUND TRUE)
  return()
endif()

find_path(EvalpanelOpenCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4)
foreach(module core imgproc imgcodecs)
  find_library(EvalpanelOpenCV_${module}_LIBRARY NAMES opencv_${module})
  list(APPEND _evalpanel_opencv_libs EvalpanelOpenCV_${module}_LIBRARY)
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(EvalpanelOpenCV REQUIRED_VARS EvalpanelOpenCV_INCLUDE_DIR
                                  ${_evalpanel_opencv_libs})
if(EvalpanelOpenCV_FOUND AND NOT TARGET evalpanel::opencv)
  add_library(evalpanel::opencv INTERFACE IMPORTED)
  target_include_directories(evalpanel::opencv INTERFACE ${EvalpanelOpenCV_INCLUDE_DIR})
  target_link_libraries(evalpanel::opencv INTERFACE ${EvalpanelOpenCV_core_LIBRARY}
                        ${EvalpanelOpenCV_imgproc_LIBRARY} ${EvalpanelOpenCV_imgcodecs_LIBRARY})
endif()
