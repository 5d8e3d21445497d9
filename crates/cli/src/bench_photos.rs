//! `trove bench photos`: Trove's photo import (hash, store, both
//! thumbnails) against libvips's `vipsthumbnail` making the same two sizes,
//! on the same generated 12-megapixel JPEGs, in one run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Args;
use serde::Serialize;
use trove_core::jobs::Job;
use trove_core::{Error, Store};

use crate::print::Output;

#[derive(Args)]
pub struct PhotoBenchArgs {
    /// Where the generated photos are kept (reused when present) and the
    /// runs write.
    #[arg(long)]
    dir: PathBuf,
    /// How many photos.
    #[arg(long, default_value_t = 48)]
    count: u32,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
pub struct PhotoBenchReport {
    pub photos: u32,
    pub width: u32,
    pub height: u32,
    pub megabytes: f64,
    pub cores: usize,
    pub trove: Run,
    /// `vipsthumbnail` once per size over every file, one process each.
    pub vips_sequential: Run,
    /// The same, with the files split across one process per core.
    pub vips_parallel: Run,
    pub vips_version: String,
}

#[derive(Serialize)]
pub struct Run {
    pub seconds: f64,
    pub photos_per_second: f64,
    pub megabytes_per_second: f64,
}

const WIDTH: u32 = 4000;
const HEIGHT: u32 = 3000;

pub fn run(args: &PhotoBenchArgs, out: &Output) -> Result<(), Error> {
    let source = args.dir.join("jpeg-12mp");
    let photos = generate(&source, args.count)?;
    let bytes: u64 = photos
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();
    let megabytes = bytes as f64 / 1e6;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rate = |seconds: f64| Run {
        seconds,
        photos_per_second: f64::from(args.count) / seconds,
        megabytes_per_second: megabytes / seconds,
    };

    let runs = args.dir.join("runs");
    let _ = std::fs::remove_dir_all(&runs);
    std::fs::create_dir_all(&runs).map_err(|e| Error::Io {
        path: runs.clone(),
        source: e,
    })?;
    let store = Store::open(runs.join("trove.db"))?;
    let started = Instant::now();
    let report = store.import_photos(&photos, None, &mut Job::quiet())?;
    let trove = started.elapsed().as_secs_f64();
    if report.imported.len() != photos.len() {
        return Err(Error::Io {
            path: source.clone(),
            source: std::io::Error::other(format!(
                "only {} of {} imported: {:?}",
                report.imported.len(),
                photos.len(),
                report.skipped
            )),
        });
    }

    let vips_version = vips(&["--vips-version"])?.trim().to_owned();
    let sequential = vips_pass(&photos, &runs.join("vips-seq"), 1)?;
    let parallel = vips_pass(&photos, &runs.join("vips-par"), cores)?;

    let result = PhotoBenchReport {
        photos: args.count,
        width: WIDTH,
        height: HEIGHT,
        megabytes,
        cores,
        trove: rate(trove),
        vips_sequential: rate(sequential),
        vips_parallel: rate(parallel),
        vips_version,
    };
    out.value(&result, |r| {
        format!(
            "{} photos, {}×{} JPEG, {:.0} MB, {} cores\n\
             trove import (hash, store, 256 + 1024 thumbnails): {:.2} s, {:.1} photos/s\n\
             vipsthumbnail 1024 + 256, one process per size:    {:.2} s, {:.1} photos/s\n\
             vipsthumbnail 1024 + 256, {} processes per size:    {:.2} s, {:.1} photos/s",
            r.photos,
            r.width,
            r.height,
            r.megabytes,
            r.cores,
            r.trove.seconds,
            r.trove.photos_per_second,
            r.vips_sequential.seconds,
            r.vips_sequential.photos_per_second,
            r.cores,
            r.vips_parallel.seconds,
            r.vips_parallel.photos_per_second,
        )
    });
    Ok(())
}

fn vips(args: &[&str]) -> Result<String, Error> {
    let out = Command::new("vipsthumbnail")
        .args(args)
        .output()
        .map_err(|e| Error::Io {
            path: PathBuf::from("vipsthumbnail"),
            source: std::io::Error::new(
                e.kind(),
                format!("{e} (the anchor needs libvips-tools: apt-get install libvips-tools)"),
            ),
        })?;
    if !out.status.success() {
        return Err(Error::Io {
            path: PathBuf::from("vipsthumbnail"),
            source: std::io::Error::other(String::from_utf8_lossy(&out.stderr).into_owned()),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Both sizes with `vipsthumbnail` (JPEG quality 82, as Trove writes),
/// the files split across `processes` at a time; wall seconds.
fn vips_pass(photos: &[PathBuf], dir: &Path, processes: usize) -> Result<f64, Error> {
    let started = Instant::now();
    for size in [1024, 256] {
        let target = dir.join(size.to_string());
        std::fs::create_dir_all(&target).map_err(|e| Error::Io {
            path: target.clone(),
            source: e,
        })?;
        let output = format!("{}/%s.jpg[Q=82]", target.display());
        let chunk = photos.len().div_ceil(processes);
        let children: Vec<_> = photos
            .chunks(chunk)
            .map(|files| {
                Command::new("vipsthumbnail")
                    .args(["-s", &size.to_string(), "-o", &output])
                    .args(files)
                    .spawn()
            })
            .collect::<Result<_, _>>()
            .map_err(|e| Error::Io {
                path: "vipsthumbnail".into(),
                source: e,
            })?;
        for mut child in children {
            let status = child.wait().map_err(|e| Error::Io {
                path: "vipsthumbnail".into(),
                source: e,
            })?;
            if !status.success() {
                return Err(Error::Io {
                    path: "vipsthumbnail".into(),
                    source: std::io::Error::other(format!("vipsthumbnail failed: {status}")),
                });
            }
        }
    }
    Ok(started.elapsed().as_secs_f64())
}

/// `count` distinct 12 MP JPEGs that compress like photos (smooth light,
/// edges, fine texture and sensor noise; 3–5 MB each at quality 92), made
/// once and reused.
fn generate(dir: &Path, count: u32) -> Result<Vec<PathBuf>, Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Io {
        path: dir.into(),
        source: e,
    })?;
    let mut paths = Vec::new();
    for n in 0..count {
        let path = dir.join(format!("IMG_{:04}.jpg", n + 1));
        if !path.exists() {
            let image = trove_fixtures::photo::photo_like(n, WIDTH, HEIGHT);
            let mut bytes = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92)
                .encode_image(&image)
                .map_err(|e| Error::Io {
                    path: path.clone(),
                    source: std::io::Error::other(e),
                })?;
            let temp = path.with_extension("part");
            std::fs::write(&temp, bytes).map_err(|e| Error::Io {
                path: temp.clone(),
                source: e,
            })?;
            std::fs::rename(&temp, &path).map_err(|e| Error::Io {
                path: path.clone(),
                source: e,
            })?;
        }
        paths.push(path);
    }
    Ok(paths)
}
