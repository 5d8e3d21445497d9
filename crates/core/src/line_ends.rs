//! Reads CRLF text as LF. The csv crate counts the LF of a CRLF as the
//! start of the next record, so in a CRLF file every row after the first
//! was reported one line too early; with the CR gone before the parser
//! sees it, line numbers are the file's own.

use std::io::{self, Read};

/// A reader that drops every CR that comes right before an LF outside a
/// quoted CSV field (a CR on its own, and a CRLF inside quotes, which is
/// the cell's own text, are kept).
pub(crate) struct CrlfAsLf<R> {
    inner: R,
    /// Inside a quoted field: an even number of quotes (the "" escape
    /// included) leaves it where it was.
    in_quotes: bool,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    eof: bool,
}

impl<R: Read> CrlfAsLf<R> {
    pub(crate) fn new(inner: R) -> Self {
        CrlfAsLf {
            inner,
            in_quotes: false,
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            pos: 0,
            len: 0,
            eof: false,
        }
    }
}

impl<R: Read> Read for CrlfAsLf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if self.pos == self.len {
                if self.eof {
                    return Ok(0);
                }
                self.len = self.inner.read(&mut self.buf)?;
                self.pos = 0;
                if self.len == 0 {
                    self.eof = true;
                    return Ok(0);
                }
            }
            let mut n = 0;
            while self.pos < self.len && n < out.len() {
                let b = self.buf[self.pos];
                if b == b'"' {
                    self.in_quotes = !self.in_quotes;
                }
                if b == b'\r' && !self.in_quotes {
                    if self.pos + 1 < self.len {
                        if self.buf[self.pos + 1] == b'\n' {
                            self.pos += 1;
                            continue;
                        }
                    } else if !self.eof {
                        // A CR at the end of what was read: what follows
                        // decides. Hand over what is ready first.
                        if n > 0 {
                            return Ok(n);
                        }
                        self.buf[0] = b'\r';
                        let more = self.inner.read(&mut self.buf[1..])?;
                        self.pos = 0;
                        self.len = 1 + more;
                        self.eof = more == 0;
                        continue;
                    }
                }
                out[n] = b;
                n += 1;
                self.pos += 1;
            }
            if n > 0 {
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
        let mut r = CrlfAsLf::new(Trickle { data, step });
        let mut got = Vec::new();
        let mut chunk = vec![0; out_size];
        loop {
            let n = r.read(&mut chunk).unwrap();
            if n == 0 {
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
