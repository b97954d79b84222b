# Installs the programs like a desktop application (bin/, a .desktop file, AppStream
# metainfo, icons, man pages) and lets CPack build a .deb whose Depends are computed by
# dpkg-shlibdeps. Scenarios are embedded in the binaries, so nothing else needs installing.
include(GNUInstallDirs)

set(WN_APP_ID io.github.waspsnest.waspsnest)
set(WN_DESKTOP_DIR "${PROJECT_SOURCE_DIR}/resources/desktop")

foreach(program waspsnest waspsnest-cli waspsnest-lab-shot)
    if(TARGET ${program})
        install(TARGETS ${program} RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
        # Debian wants man pages gzipped, without a time stamp so the package is reproducible.
        set(page "${PROJECT_SOURCE_DIR}/resources/man/${program}.1")
        set(gz "${CMAKE_BINARY_DIR}/man/${program}.1.gz")
        add_custom_command(
            OUTPUT "${gz}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
            COMMAND sh -c "gzip -9 -n -c \"$1\" > \"$2\"" sh "${page}" "${gz}"
            DEPENDS "${page}"
            VERBATIM)
        list(APPEND WN_MAN_PAGES "${gz}")
    endif()
endforeach()
add_custom_target(wn_man_pages ALL DEPENDS ${WN_MAN_PAGES})
install(FILES ${WN_MAN_PAGES} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

if(TARGET waspsnest)
    install(FILES "${WN_DESKTOP_DIR}/${WN_APP_ID}.desktop"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${WN_DESKTOP_DIR}/${WN_APP_ID}.metainfo.xml"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${WN_DESKTOP_DIR}/${WN_APP_ID}.svg"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
    foreach(size 16 24 32 48 64 128 256)
        install(FILES "${WN_DESKTOP_DIR}/icons/${size}x${size}/${WN_APP_ID}.png"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
    endforeach()
endif()

set(CPACK_PACKAGE_NAME waspsnest)
set(CPACK_PACKAGE_VENDOR "Wasp's Nest developers")
set(CPACK_PACKAGE_CONTACT "Wasp's Nest developers <waspsnest@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "watch the Read-Copy-Update pattern survive a MongoDB replica-set failover")
set(CPACK_PACKAGE_DESCRIPTION
    "Wasp's Nest simulates a MongoDB replica set and PyMongo's MongoReplicaSetClient, its
application threads and its monitor thread, under four ways of sharing the client's view
of the set (PyMongo 2.5's in-place mutation, a mutex, a reader-writer lock and PyMongo
2.5.1's immutable RSState), and draws every refresh() and ismaster call.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY waspsnest)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded with dlopen, so dpkg-shlibdeps cannot see them: Qt's platform plugins (xcb and
# offscreen) and a font for every label.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-dejavu-core")
# Run as a program by waspsnest --record only; everything else works without it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "ffmpeg")
include(CPack)
