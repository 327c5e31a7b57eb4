# test/lib/chroot.sh: Debian chroots for the version matrix (test/versions/run),
# made with mmdebstrap from the mirror that the host's apt sources name,
# kept between runs, and entered for one command at a time with /proc,
# /sys, /dev/pts and /dev/shm mounted and always unmounted.  Run as root.
#
#   CHROOT_CACHE              where the chroots are kept (default
#                             /var/cache/jss-chroots)
#   debian_mirror             print the host's Debian mirror (its first
#                             deb URI that is not a security archive)
#   chroot_make NAME SUITE ARCH PACKAGE...
#                             make $CHROOT_CACHE/NAME (variant apt, the main
#                             component of SUITE alone) unless it exists
#                             with the same recipe; prints "cached" or
#                             "made in N s".  A chroot is made in NAME.new
#                             and renamed when complete, so an interrupted
#                             run leaves nothing that looks usable.
#   chroot_run [--private-network] NAME COMMAND...
#                             run COMMAND in the chroot as root, with a clean
#                             environment; mounts before, unmounts after,
#                             whatever happens (also on INT and TERM); with
#                             --private-network, in a network namespace of
#                             its own that has only a loopback interface
#   chroot_copy_checkout NAME DIR
#                             copy this checkout's files (tracked and new,
#                             not ignored) into the chroot's DIR, replacing it
#   chroot_emulate ARCH       make ARCH's programs run here: nothing if the
#                             kernel runs them (arch-test), else QEMU's user
#                             mode through binfmt_misc (i386 only: some
#                             virtual machines' kernels refuse 32-bit
#                             programs); chroot_emulate_end undoes it.  The
#                             QEMU is Debian stable's (CHROOT_QEMU_SUITE,
#                             default trixie, 10.0), fetched once into
#                             $CHROOT_CACHE/qemu: bookworm's 7.2 gave wrong
#                             results at random in the 32-bit server's own
#                             code (an "interval out of range" from
#                             i * interval '1 day', equal timestamps
#                             compared unequal), in about one run of two of
#                             the large window suite; 10.0 passed every run
# shellcheck shell=bash

CHROOT_CACHE=${CHROOT_CACHE:-/var/cache/jss-chroots}
CHROOT_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

debian_mirror() {
	local f uri
	for f in /etc/apt/sources.list.d/*.sources; do	# deb822: "URIs: ..."
		[ -f "$f" ] || continue
		for uri in $(sed -n 's/^URIs:[[:space:]]*//p' "$f"); do
			case $uri in *security*) continue ;; esac
			echo "${uri%/}"
			return 0
		done
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do	# one-line: "deb URI suite ..."
		[ -f "$f" ] || continue
		uri=$(awk '$1 == "deb" && $2 !~ /security/ { print $2; exit }' "$f")
		[ -n "$uri" ] && { echo "${uri%/}"; return 0; }
	done
	echo "debian_mirror: no Debian mirror in the host's apt sources" >&2
	return 1
}

chroot_make() {
	local name=$1 suite=$2 arch=$3
	shift 3
	local root=$CHROOT_CACHE/$name mirror recipe started
	mirror=$(debian_mirror) || return 1
	recipe="$suite $arch $*"
	if [ -f "$root/.jss-recipe" ] && [ "$(cat "$root/.jss-recipe")" = "$recipe" ]; then
		echo "cached"
		return 0
	fi
	started=$(date +%s)
	mkdir -p "$CHROOT_CACHE" || return 1
	chroot_unmount_all "$root.new"
	rm -rf "$root.new"
	# Release files may be served past their Valid-Until: allow that
	if ! mmdebstrap --quiet --variant=apt --architectures="$arch" \
		--aptopt='Acquire::Check-Valid-Until "false"' \
		--include="$(IFS=,; echo "$*")" \
		"$suite" "$root.new" "deb $mirror $suite main" >"$CHROOT_CACHE/$name.log" 2>&1; then
		echo "mmdebstrap $suite/$arch failed; the end of $CHROOT_CACHE/$name.log:" >&2
		tail -20 "$CHROOT_CACHE/$name.log" >&2
		rm -rf "$root.new"
		return 1
	fi
	echo "$recipe" >"$root.new/.jss-recipe"
	chroot_unmount_all "$root"
	rm -rf "$root"
	mv "$root.new" "$root" || return 1
	echo "made in $(($(date +%s) - started)) s"
}

# chroot_unmount_all ROOT: unmount whatever is still mounted under ROOT (a
# run killed with SIGKILL cannot clean up after itself), deepest first
chroot_unmount_all() {
	local root=$1 m
	[ -d "$root" ] || return 0
	root=$(realpath "$root")
	awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r |
		while read -r m; do
			umount "$m" 2>/dev/null || umount -l "$m"
		done
}

chroot_run() {
	local isolate=()
	if [ "$1" = --private-network ]; then
		# its own network namespace with only a loopback interface: its
		# servers' ports cannot collide with another chroot's
		isolate=(unshare --net sh -c 'ip link set dev lo up && exec "$@"' chroot_run)
		shift
	fi
	local name=$1
	shift
	local root=$CHROOT_CACHE/$name
	[ -f "$root/.jss-recipe" ] || { echo "chroot_run: no chroot $name" >&2; return 1; }
	(
		trap 'chroot_unmount_all "$root"' EXIT
		trap 'exit 130' INT
		trap 'exit 143' TERM
		chroot_unmount_all "$root"
		mount -t proc proc "$root/proc" &&
			mount -t sysfs sysfs "$root/sys" &&
			mount --bind /dev/pts "$root/dev/pts" &&
			mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm" || exit 1
		cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null
		"${isolate[@]}" chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
			PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
	)
}

chroot_copy_checkout() {
	local name=$1 dir=$2 root=$CHROOT_CACHE/$1
	rm -rf "${root:?}$dir" && mkdir -p "$root$dir" || return 1
	if git -C "$CHROOT_REPO" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$CHROOT_REPO" ls-files -z --cached --others --exclude-standard |
			tar -C "$CHROOT_REPO" --null --no-recursion --ignore-failed-read -T - -cf - 2>/dev/null |
			tar -C "$root$dir" -xf -
	else	# an export without .git: everything but build products
		tar -C "$CHROOT_REPO" --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
			--exclude=test/build -cf - . | tar -C "$root$dir" -xf -
	fi
}

# The ELF header of an i386 program (32-bit, little-endian, e_machine 3)
# and its mask, as QEMU's binfmt configuration script gives them.
CHROOT_I386_MAGIC='\x7fELF\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x03\x00'
CHROOT_I386_MASK='\xff\xff\xff\xff\xff\xfe\xfe\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
CHROOT_BINFMT=/proc/sys/fs/binfmt_misc
CHROOT_BINFMT_MOUNTED=
CHROOT_BINFMT_ENTRY=

CHROOT_QEMU_SUITE=${CHROOT_QEMU_SUITE:-trixie}

# chroot_qemu: print the path of a static qemu-i386 from CHROOT_QEMU_SUITE,
# downloading its package (qemu-user) into $CHROOT_CACHE/qemu once, with an
# apt state of its own, so that the host's apt is left alone.
chroot_qemu() {
	local dir=$CHROOT_CACHE/qemu mirror apt_dir
	if [ ! -x "$dir/usr/bin/qemu-i386" ]; then
		mirror=$(debian_mirror) || return 1
		apt_dir=$(mktemp -d) || return 1
		mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/parts"
		echo "deb $mirror $CHROOT_QEMU_SUITE main" >"$apt_dir/sources.list"
		local opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=$apt_dir/parts"
			-o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir" -o "Dir::State::status=/dev/null"
			-o 'Acquire::Check-Valid-Until=false' -o 'APT::Sandbox::User=root')
		if ! { apt-get "${opts[@]}" -qq update &&
			(cd "$apt_dir" && apt-get "${opts[@]}" -qq download qemu-user) &&
			rm -rf "$dir.new" && dpkg-deb -x "$apt_dir"/qemu-user_*.deb "$dir.new" &&
			[ -x "$dir.new/usr/bin/qemu-i386" ] && rm -rf "$dir" && mv "$dir.new" "$dir"; } >&2; then
			echo "chroot_qemu: could not fetch qemu-user from $CHROOT_QEMU_SUITE" >&2
			rm -rf "$apt_dir" "$dir.new"
			return 1
		fi
		rm -rf "$apt_dir"
	fi
	echo "$dir/usr/bin/qemu-i386"
}

chroot_emulate() {
	local arch=$1 qemu
	arch-test -n "$arch" >/dev/null 2>&1 && return 0
	[ "$arch" = i386 ] || { echo "chroot_emulate: $arch cannot run here" >&2; return 1; }
	qemu=$(chroot_qemu) || return 1
	if [ ! -f "$CHROOT_BINFMT/register" ]; then
		mount -t binfmt_misc binfmt_misc "$CHROOT_BINFMT" || return 1
		CHROOT_BINFMT_MOUNTED=1
	fi
	# F: the kernel opens the interpreter now, so it need not be in the chroot
	if [ ! -f "$CHROOT_BINFMT/jss-qemu-i386" ]; then
		printf '%s' ":jss-qemu-i386:M::$CHROOT_I386_MAGIC:$CHROOT_I386_MASK:$qemu:F" \
			>"$CHROOT_BINFMT/register" || return 1
		CHROOT_BINFMT_ENTRY=$CHROOT_BINFMT/jss-qemu-i386
	fi
	arch-test "$arch" >/dev/null 2>&1 || { echo "chroot_emulate: $arch still cannot run" >&2; return 1; }
	echo "$arch runs under QEMU's user mode here (the kernel runs no 32-bit programs): $("$qemu" --version | head -1)"
}

chroot_emulate_end() {
	[ -n "$CHROOT_BINFMT_ENTRY" ] && echo -1 >"$CHROOT_BINFMT_ENTRY"
	[ -n "$CHROOT_BINFMT_MOUNTED" ] && umount "$CHROOT_BINFMT"
	CHROOT_BINFMT_ENTRY= CHROOT_BINFMT_MOUNTED=
}
