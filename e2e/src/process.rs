//! The processes around the app, seen through /proc: finding the ones below
//! a parent, and stopping a whole tree of them.

use std::fs;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Stops `child` and every process below it: politely first (Xvfb removes
/// its lock file on SIGTERM), then for good.
pub fn stop_tree(child: &mut Child) {
    let mut pids = descendants(child.id());
    pids.push(child.id());
    signal(&pids, "TERM");
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        let child_done = matches!(child.try_wait(), Ok(Some(_)));
        if child_done && pids.iter().all(|p| !alive(*p)) {
            return;
        }
        thread::sleep(Duration::from_millis(25));
    }
    signal(&pids, "KILL");
    let _ = child.wait();
}

fn signal(pids: &[u32], name: &str) {
    let live: Vec<String> = pids
        .iter()
        .filter(|p| alive(**p))
        .map(u32::to_string)
        .collect();
    if live.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .args(&live)
        .stderr(Stdio::null())
        .status();
}

/// True while `pid` runs (a zombie counts as gone).
fn alive(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat_fields(&stat).is_some_and(|(state, _)| state != 'Z'),
        Err(_) => false,
    }
}

/// Every process whose chain of parents reaches `root`, children first.
pub fn descendants(root: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(dir) = fs::read_dir("/proc") {
        for entry in dir.flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
                continue;
            };
            if let Ok(stat) = fs::read_to_string(entry.path().join("stat")) {
                if let Some((_, ppid)) = stat_fields(&stat) {
                    parents.push((pid, ppid));
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for &(pid, ppid) in &parents {
            if ppid == p && !out.contains(&pid) {
                out.push(pid);
                frontier.push(pid);
            }
        }
    }
    out
}

/// The state letter and parent pid from a `/proc/<pid>/stat` line. The
/// command name may hold spaces and parentheses, so parse after the last `)`.
fn stat_fields(stat: &str) -> Option<(char, u32)> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    let ppid = fields.next()?.parse().ok()?;
    Some((state, ppid))
}

/// The name of process `pid` (`trove-app`).
pub fn process_name(pid: u32) -> Option<String> {
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stat_fields_survive_odd_command_names() {
        let stat = "4242 (trove (app) x) S 17 4242 4242 0 -1 4194560";
        assert_eq!(stat_fields(stat), Some(('S', 17)));
    }

    #[test]
    fn this_process_is_alive_and_below_its_parent() {
        let me = std::process::id();
        assert!(alive(me));
        let parent = fs::read_to_string(format!("/proc/{me}/stat"))
            .ok()
            .and_then(|s| stat_fields(&s))
            .map(|(_, ppid)| ppid)
            .unwrap();
        assert!(descendants(parent).contains(&me));
    }
}
