//! A byte trie of syllable skeletons, for candidate generation.
//!
//! Candidate generation spells skeletons one ASCII letter at a time and needs
//! to know after each letter whether the spelling is still the prefix of some
//! skeleton. With the trie a state keeps its node and each extension is one
//! array (or, for bytes other than `a`–`z`, one small hash) lookup, instead
//! of hashing the whole prefix string into a set.

use super::lm::WordId;
use rustc_hash::FxHashMap;

/// A node of a [`SkeletonTrie`]: every node stands for the byte string that
/// leads to it from the root, which is a prefix of (or equal to) some skeleton.
pub type Node = u32;

/// Marks an absent child in the dense `a`–`z` table (the root is never a child).
const NONE: Node = 0;

/// The skeletons of all syllables, as a trie over their UTF-8 bytes.
#[derive(Clone, Debug)]
pub struct SkeletonTrie {
    /// Children of each node for the bytes `a`–`z` ([`NONE`]: no child).
    lower: Vec<[Node; 26]>,
    /// Children for any other byte.
    other: FxHashMap<(Node, u8), Node>,
    /// Per node, the range of `ids` holding the syllables with exactly that
    /// skeleton (empty when the node is only a prefix).
    spans: Vec<(u32, u32)>,
    /// Syllable ids grouped by skeleton, each group in insertion order.
    ids: Vec<WordId>,
    /// Per entry of `ids`, the range of `chars` spelling that syllable.
    spellings: Vec<(u32, u32)>,
    /// The syllables' characters, in `ids` order, so that scoring a node's
    /// syllables reads one contiguous run.
    chars: Vec<char>,
}

impl Default for SkeletonTrie {
    fn default() -> Self {
        SkeletonTrie {
            lower: vec![[NONE; 26]],
            other: FxHashMap::default(),
            spans: vec![(0, 0)],
            ids: Vec::new(),
            spellings: Vec::new(),
            chars: Vec::new(),
        }
    }
}

impl SkeletonTrie {
    /// The node of the empty string.
    pub const ROOT: Node = 0;

    /// Builds the trie from `(skeleton, syllable ids)` groups, spelling each
    /// id with `word`. Each skeleton should appear once; a repeated one keeps
    /// its last group.
    pub fn build<'a, 'w>(
        groups: impl IntoIterator<Item = (&'a str, &'a [WordId])>,
        word: impl Fn(WordId) -> &'w str,
    ) -> SkeletonTrie {
        let mut t = SkeletonTrie::default();
        for (sk, ids) in groups {
            let mut node = Self::ROOT;
            for &b in sk.as_bytes() {
                node = match t.child(node, b) {
                    Some(c) => c,
                    None => t.add_child(node, b),
                };
            }
            let start = t.ids.len() as u32;
            t.ids.extend_from_slice(ids);
            for &id in ids {
                let at = t.chars.len() as u32;
                t.chars.extend(word(id).chars());
                t.spellings.push((at, t.chars.len() as u32));
            }
            t.spans[node as usize] = (start, t.ids.len() as u32);
        }
        t
    }

    fn add_child(&mut self, node: Node, b: u8) -> Node {
        let c = self.lower.len() as Node;
        self.lower.push([NONE; 26]);
        self.spans.push((0, 0));
        if b.is_ascii_lowercase() {
            self.lower[node as usize][(b - b'a') as usize] = c;
        } else {
            self.other.insert((node, b), c);
        }
        c
    }

    /// The node reached from `node` by byte `b`, if that is still a prefix.
    #[inline]
    pub fn child(&self, node: Node, b: u8) -> Option<Node> {
        if b.is_ascii_lowercase() {
            let c = self.lower.get(node as usize)?[(b - b'a') as usize];
            (c != NONE).then_some(c)
        } else {
            self.other.get(&(node, b)).copied()
        }
    }

    /// The node of the byte string `s`, if it is a prefix of some skeleton.
    pub fn find(&self, s: &str) -> Option<Node> {
        s.bytes()
            .try_fold(Self::ROOT, |node, b| self.child(node, b))
    }

    /// Syllables whose skeleton is exactly the string of `node`.
    #[inline]
    pub fn syllables(&self, node: Node) -> &[WordId] {
        self.spans
            .get(node as usize)
            .and_then(|&(a, b)| self.ids.get(a as usize..b as usize))
            .unwrap_or(&[])
    }

    /// [`syllables`](Self::syllables) with their characters.
    pub fn spelled(&self, node: Node) -> impl Iterator<Item = (WordId, &[char])> + '_ {
        let (a, b) = self.spans.get(node as usize).copied().unwrap_or((0, 0));
        (a as usize..b as usize).filter_map(move |k| {
            let (from, to) = *self.spellings.get(k)?;
            Some((
                *self.ids.get(k)?,
                self.chars.get(from as usize..to as usize)?,
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_groups() {
        let groups: Vec<(&str, Vec<WordId>)> = vec![
            ("cua", vec![7, 9]),
            ("cu", vec![3]),
            ("qu\u{e9}", vec![4]),
            ("a1", vec![5]),
        ];
        let spell = |id: WordId| match id {
            7 => "của",
            9 => "cua",
            _ => "x",
        };
        let t = SkeletonTrie::build(groups.iter().map(|(s, v)| (*s, v.as_slice())), spell);
        assert_eq!(t.find(""), Some(SkeletonTrie::ROOT));
        for p in ["c", "cu", "cua", "q", "qu", "qu\u{e9}", "a", "a1"] {
            assert!(t.find(p).is_some(), "{p}");
        }
        for p in ["cb", "cuaa", "b", "que", "a2"] {
            assert!(t.find(p).is_none(), "{p}");
        }
        let n = |s: &str| t.find(s).unwrap_or(u32::MAX);
        assert_eq!(t.syllables(n("cua")), &[7, 9]);
        assert_eq!(t.syllables(n("cu")), &[3]);
        assert_eq!(t.syllables(n("c")), &[] as &[WordId]);
        assert_eq!(t.syllables(n("a1")), &[5]);
        assert_eq!(t.child(n("c"), b'u'), Some(n("cu")));
        assert_eq!(t.child(n("cua"), b'x'), None);
        let spelled: Vec<(WordId, String)> = t
            .spelled(n("cua"))
            .map(|(id, w)| (id, w.iter().collect()))
            .collect();
        assert_eq!(spelled, [(7, "của".to_owned()), (9, "cua".to_owned())]);
    }
}
