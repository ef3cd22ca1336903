/** What the analyzer knows about a command name. */
export interface CommandInfo {
  /** 1: never an ordinary word (`whoami`, `wget`); 2: also an everyday word or abbreviation (`cat`, `time`). */
  readonly tier: 1 | 2;
  /** `prefix` runs the command after it (`nohup id`); `shell` and `interpreter` run an inline script. */
  readonly role?: 'prefix' | 'shell' | 'interpreter';
}

// Unix and Windows commands that do not double as everyday words, and the dot-commands of the sqlite3 shell
// (`.shell` and its abbreviation `.sh` run a command, `.load` loads native code).
const TIER_1 = `
whoami uname ifconfig ipconfig netstat nslookup traceroute tracert whois wget curl ncat netcat socat
telnet ssh scp sftp tftp rsync gcc c89 c99 g++ clang chmod chown chgrp chattr useradd userdel adduser
usermod passwd visudo crontab gdb base64 base32 xxd hexdump openssl gunzip bunzip2 unxz zstdcat zcat
bzcat xzcat unzip bsdtar gzip bzip2 awk gawk nawk mawk grep egrep fgrep nmap mkfifo mknod killall pkill
pgrep lsof htop iptables tcpdump fdisk mkfs getent lastlog lastlogin printenv systemctl apt-get
aptitude dnf dpkg pip pipx cpan kubectl ansible ansible-config ansible-console ansible-doc
ansible-galaxy ansible-inventory ansible-playbook ansible-pull ansible-vault chef-client chef-run
chef-shell chef-vault cscli rmt rmt-tar rmt-dump uconv iconv lwp-download lwp-request w3m
elinks aria2c certutil bitsadmin mshta regsvr32 rundll32 wmic cscript wscript schtasks regedit netsh
tasklist taskkill systeminfo icacls cacls findstr bcdedit bcdboot vssadmin wevtutil msiexec iwr irm
iwmi icm invoke-webrequest invoke-expression invoke-command invoke-restmethod invoke-wmimethod
start-process new-object set-executionpolicy start-bitstransfer sendmail mailx readlink ifup ifdown
dmesg lsmod insmod modprobe sysctl chsh chpasswd lscpu lsblk sestatus aa-disable aa-enforce aa-status
poweroff mkdir rmdir whereis unset printf uniq zstd unshare nsenter runuser
cpulimit stdbuf setsid strace ltrace nohup sudo doas busybox vim nvim emacs tclsh jshell irb
xterm javac pkexec zypper flatpak ssh-keygen ssh-copy-id sshpass
.shell .system .sh .databases .tables .schema .dump .load .import
`;

// Commands that are also words, names or abbreviations (`snap`, `brew`, `shutdown`, `nc` for North
// Carolina): they need shell structure around them.
const TIER_2 = `
cat ls id ps who top time set env echo ping sleep rm mv cp dd wc tee touch ln cd kill find locate which
file stat head tail more less sort cut tr rev paste fold column comm join split nl expand od strings diff
cmp date cal at batch mount umount man info type dir del erase copy move ren rd md start call net sc tree
ver vol cls attrib links bridge flock tar zip xz 7z dig host route arp hostname uptime ip ss perf ed ex vi
export alias eval exec source trap history exit timeout watch nice ionice xargs chroot taskset su node
java php python perl ruby lua bash sh zsh ksh csh tcsh dash ash fish cmd powershell pwsh iex sed make npm
mail sudo logger lp nproc tac df du ll . source rc
nc cc gem snap brew apt yum lynx knife nano rpm apk pwd shutdown reboot reg
`;

const PREFIX =
  'time nohup strace ltrace sudo doas env exec nice ionice timeout watch xargs stdbuf setsid chroot unshare nsenter runuser taskset busybox cpulimit flock su . source .shell .system .sh';
const SHELL = 'sh bash zsh ksh csh tcsh dash ash fish rc busybox cmd powershell pwsh';
const INTERPRETER = 'python perl ruby php node lua tclsh irb';

/** Command names the analyzer recognises, lower-cased, without `.exe` or a version suffix. */
export const KNOWN_COMMANDS: ReadonlyMap<string, CommandInfo> = (() => {
  const map = new Map<string, CommandInfo>();
  const words = (list: string) => list.split(/\s+/).filter((w) => w !== '');
  const prefix = new Set(words(PREFIX));
  const shell = new Set(words(SHELL));
  const interpreter = new Set(words(INTERPRETER));
  const role = (name: string): CommandInfo['role'] =>
    shell.has(name)
      ? 'shell'
      : interpreter.has(name)
        ? 'interpreter'
        : prefix.has(name)
          ? 'prefix'
          : undefined;
  for (const name of words(TIER_2)) map.set(name, { tier: 2, ...(role(name) ? { role: role(name) } : {}) });
  for (const name of words(TIER_1)) map.set(name, { tier: 1, ...(role(name) ? { role: role(name) } : {}) });
  // Shells and interpreters are words in prose ("shell", "python", "ruby") only when bare; by name they are tier 1.
  for (const name of [...shell, ...interpreter]) {
    if (
      !['python', 'ruby', 'php', 'node', 'lua', 'perl', 'fish', 'ash', 'dash', 'rc', 'cmd'].includes(name)
    ) {
      map.set(name, { tier: 1, role: role(name) });
    }
  }
  return map;
})();

/** Windows environment variables that name a command interpreter when used as a command. */
export const WINDOWS_SHELL_VARIABLES: ReadonlySet<string> = new Set(['comspec']);

/** Commands only cmd.exe runs, where letter case does not matter and `/` starts a switch. */
export const WINDOWS_COMMANDS: ReadonlySet<string> = new Set(
  'cmd dir type del erase copy move ren rd md cd chdir start call net sc reg ver vol cls attrib powershell pwsh iex iwr'.split(
    ' ',
  ),
);

/** The verbs of cmd.exe tools that take one first (`net user`, `reg query`, `sc stop`). */
export const WINDOWS_VERBS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    net: 'accounts computer config continue file group localgroup pause print session share start statistics stop time use user view',
    reg: 'add compare copy delete export import load query restore save unload',
    sc: 'query queryex start stop pause continue config create delete description failure qc sdshow',
  }).map(([name, verbs]) => [name, new Set(verbs.split(' '))]),
);
