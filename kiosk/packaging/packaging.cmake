# Install rules and the Debian package (CPack DEB): `cd build && cpack -G DEB` packs the binaries
# already built in this tree (no rebuild, the same flags) into segretariato-kiosk_<version>_amd64.deb.
# Tests never read installed files: they run from the build and source trees.
#
# Layout on the kiosk PC:
#   /usr/bin/kiosk, /usr/bin/kioskctl
#   /usr/share/segretariato-kiosk/assets/{i18n,sounds,fonts}  (found by common::assetsDir() from <exe>/../share)
#   /usr/share/segretariato-kiosk/config/{gorgonzola,massa}.toml  (the demo configs, the kiosk's default --config)
#   /etc/segretariato-kiosk/kiosk.toml                            (the office's config, a conffile)
#   /lib/systemd/system/segretariato-*.{service,timer}
#   /var/lib/segretariato-kiosk/  (database and daily backups; made by postinst, owned by the user kiosk)

set(KIOSK_PACKAGE_NAME segretariato-kiosk)
set(KIOSK_SHARE_DIR share/${KIOSK_PACKAGE_NAME})
set(KIOSK_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})

install(TARGETS kiosk kioskctl RUNTIME DESTINATION bin)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/i18n ${PROJECT_SOURCE_DIR}/assets/sounds
        DESTINATION ${KIOSK_SHARE_DIR}/assets)

# Titillium Web comes from npm (.ci/setup) and is optional: without it the kiosk uses Noto Sans,
# a package dependency. Only the three weights the kiosk loads are shipped, flat in fonts/ (where
# ui/fonts.cpp looks first), with their licence (SIL OFL 1.1, which requires it to go along).
set(KIOSK_TITILLIUM_DIR ${PROJECT_SOURCE_DIR}/assets/fonts/node_modules/@expo-google-fonts/titillium-web)
set(KIOSK_TITILLIUM_FILES)
foreach(weight 400Regular 600SemiBold 700Bold)
  list(APPEND KIOSK_TITILLIUM_FILES ${KIOSK_TITILLIUM_DIR}/${weight}/TitilliumWeb_${weight}.ttf)
endforeach()
if(EXISTS ${KIOSK_TITILLIUM_DIR}/LICENSE_FONT)
  install(FILES ${KIOSK_TITILLIUM_FILES} DESTINATION ${KIOSK_SHARE_DIR}/assets/fonts)
  install(FILES ${KIOSK_TITILLIUM_DIR}/LICENSE_FONT DESTINATION ${KIOSK_SHARE_DIR}/assets/fonts
          RENAME TitilliumWeb-OFL.txt)
else()
  message(STATUS "Titillium Web not installed (.ci/setup fetches it): the package will use Noto Sans")
endif()

install(FILES ${PROJECT_SOURCE_DIR}/config/gorgonzola.toml ${PROJECT_SOURCE_DIR}/config/massa.toml
        DESTINATION ${KIOSK_SHARE_DIR}/config)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/${KIOSK_PACKAGE_NAME})

# Absolute destinations: the package's own places outside the prefix. CPack stages them under its
# DESTDIR; a plain `cmake --install` writes there too, so it needs root (the package is the way).
install(FILES ${PROJECT_SOURCE_DIR}/config/gorgonzola.toml DESTINATION /etc/${KIOSK_PACKAGE_NAME}
        RENAME kiosk.toml)
install(FILES ${KIOSK_PACKAGING_DIR}/systemd/segretariato-kiosk.service
              ${KIOSK_PACKAGING_DIR}/systemd/segretariato-staff.service
              ${KIOSK_PACKAGING_DIR}/systemd/segretariato-board.service
              ${KIOSK_PACKAGING_DIR}/systemd/segretariato-backup.service
              ${KIOSK_PACKAGING_DIR}/systemd/segretariato-backup.timer
        DESTINATION /lib/systemd/system)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ${KIOSK_PACKAGE_NAME})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Self-service queue kiosk for the Segretariato sociale")
set(CPACK_PACKAGE_DESCRIPTION
    "Touchscreen kiosk that hands out queue numbers, the staff console and the hall display of an Italian municipality's social-services front desk, with kioskctl for the command line.")
set(CPACK_PACKAGE_CONTACT "Segretariato sociale kiosk maintainers <root@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES bin/kiosk bin/kioskctl)  # strips the staged copies only; the build keeps its symbols
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)        # segretariato-kiosk_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies from the binaries themselves when dpkg-shlibdeps (dpkg-dev) is there.
find_program(KIOSK_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(KIOSK_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "dpkg-shlibdeps not found: the package will list no library dependencies (install dpkg-dev)")
endif()
# What the binaries open at run time without linking it: fonts, espeak-ng voices, the compositor,
# Xwayland (cage 0.1.4 will not start without it), the system user tools; lp (CUPS) only for a
# "cups:" printer.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-dejavu-core, fonts-noto-core, espeak-ng-data, cage, xwayland, adduser, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${KIOSK_PACKAGING_DIR}/debian/conffiles ${KIOSK_PACKAGING_DIR}/debian/postinst
    ${KIOSK_PACKAGING_DIR}/debian/prerm ${KIOSK_PACKAGING_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
