# Finds the three OpenCV modules evalpanel uses and defines two imported targets:
#   evalpanel::opencv            core + imgproc: pixels in memory (drawing, resizing, colour conversion)
#   evalpanel::opencv_imgcodecs  imgcodecs (and the above): reading and writing image files
# They are apart because Debian's libopencv-imgcodecs links GDAL, GDCM, OpenEXR and their dependencies:
# a program or plugin that links it loads about 140 shared libraries, which costs ~60 ms at every start
# or dlopen and ~0.6 ms at every fork (docs/performance.md). The host and the openai_vision plugin read and
# write images with Leptonica instead; imgcodecs is left to the Tesseract plugin, tests and test tools.
# Debian ships OpenCV's CMake package only in the meta-package libopencv-dev, which pulls in every OpenCV
# module (video, dnn, viz, ...); the three -dev packages we need install headers and libraries but no
# config file, so look for them directly.
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
  target_link_libraries(evalpanel::opencv INTERFACE ${EvalpanelOpenCV_core_LIBRARY} ${EvalpanelOpenCV_imgproc_LIBRARY})
  add_library(evalpanel::opencv_imgcodecs INTERFACE IMPORTED)
  target_link_libraries(evalpanel::opencv_imgcodecs INTERFACE ${EvalpanelOpenCV_imgcodecs_LIBRARY} evalpanel::opencv)
endif()
