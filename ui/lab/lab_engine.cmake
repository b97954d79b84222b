# wn_lab_engine: the Qt-free half of the "Real threads" lab (real reader threads, the real
# monitor thread, the in-process servers). Included from ui/lab/CMakeLists.txt and from
# tests/lab/CMakeLists.txt so that the engine and its tests also build with WN_BUILD_GUI=OFF
# (the sanitizer builds). Paths are relative to this file, not to the project.
if(NOT TARGET wn_lab_engine)
    find_package(Threads REQUIRED)
    add_library(wn_lab_engine STATIC
        "${CMAKE_CURRENT_LIST_DIR}/lab_engine.cpp"
        "${CMAKE_CURRENT_LIST_DIR}/lab_engine.h"
    )
    # Consumers include "ui/lab/lab_engine.h".
    target_include_directories(wn_lab_engine PUBLIC "${CMAKE_CURRENT_LIST_DIR}/../..")
    target_compile_features(wn_lab_engine PUBLIC cxx_std_20)
    target_link_libraries(wn_lab_engine PUBLIC wn_core wn_rcu Threads::Threads)
endif()
