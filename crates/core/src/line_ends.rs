//! Reads CRLF text as LF. The csv crate counts the LF of a CRLF as the
//! start of the next record, so in a CRLF file every row after the first
//! was reported one line too early; with the CR gone before the parser
//! sees it, line numbers are the file's own.

use std::io::{self, BufRead, Read};

/// A reader that drops every CR that comes right before an LF outside a
/// quoted CSV field (a CR on its own, and a CRLF inside quotes, which is
/// the cell's own text, are kept). It counts the bytes it took from the
/// file, for progress.
pub(crate) struct CrlfAsLf<R> {
    inner: R,
    /// Inside a quoted field: an even number of quotes (the "" escape
    /// included) leaves it where it was.
    in_quotes: bool,
    /// A CR ended the last chunk: whether it precedes an LF is not known yet.
    pending_cr: bool,
    consumed: u64,
}

impl<R: BufRead> CrlfAsLf<R> {
    /// Reads `inner`; `already` bytes of the file were taken before it
    /// (a BOM, a `sep=` line), so progress counts from the file's start.
    pub(crate) fn new(inner: R, already: u64) -> Self {
        CrlfAsLf {
            inner,
            in_quotes: false,
            pending_cr: false,
            consumed: already,
        }
    }

    /// Bytes of the file read so far.
    pub(crate) fn consumed(&self) -> u64 {
        self.consumed
    }
}

impl<R: BufRead> Read for CrlfAsLf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        // A chunk that was only a held-back CR gives nothing yet: read on,
        // since 0 would mean the end of the file.
        loop {
            let buf = self.inner.fill_buf()?;
            let mut n = 0;
            if self.pending_cr && buf.first() != Some(&b'\n') {
                out[0] = b'\r';
                n = 1;
            }
            self.pending_cr = false;
            let mut used = 0;
            while used < buf.len() && n < out.len() {
                let b = buf[used];
                used += 1;
                if b == b'"' {
                    self.in_quotes = !self.in_quotes;
                }
                if b == b'\r' && !self.in_quotes {
                    match buf.get(used) {
                        Some(b'\n') => continue,
                        None => {
                            self.pending_cr = true;
                            continue;
                        }
                        Some(_) => {}
                    }
                }
                out[n] = b;
                n += 1;
            }
            self.inner.consume(used);
            self.consumed += used as u64;
            if n > 0 || used == 0 {
                return Ok(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out its bytes `step` at a time, to put CRs at read boundaries.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(out.len()).min(self.data.len());
            out[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    fn through(data: &[u8], step: usize, out_size: usize) -> Vec<u8> {
        let mut r = CrlfAsLf::new(
            io::BufReader::with_capacity(step, Trickle { data, step }),
            0,
        );
        let mut got = Vec::new();
        let mut chunk = vec![0; out_size];
        loop {
            let n = r.read(&mut chunk).unwrap();
            if n == 0 {
                assert_eq!(r.consumed(), data.len() as u64, "every byte counted");
                return got;
            }
            got.extend_from_slice(&chunk[..n]);
        }
    }

    #[test]
    fn crlf_becomes_lf_wherever_the_reads_split_it() {
        let data = b"a,b\r\n1,2\r\n\"x\r\n\"\"y\",3\rz\r\n\r";
        // The CRLF inside the quoted cell is the cell's text, kept.
        let want = b"a,b\n1,2\n\"x\r\n\"\"y\",3\rz\n\r".to_vec();
        for step in 1..=data.len() {
            for out_size in [1, 2, 3, 64] {
                assert_eq!(
                    through(data, step, out_size),
                    want,
                    "step {step}, out {out_size}"
                );
            }
        }
    }
}
