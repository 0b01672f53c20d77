#!/usr/bin/perl
# scripts/check_meta.pl - check META.json against the PGXN Meta Spec 1.0.0
# (https://pgxn.org/meta/spec.txt) and against this tree.
#
#   perl scripts/check_meta.pl [META.json]
#
# PGXN's own validator (PGXN::Meta::Validator, validate_pgxn_meta) is on
# CPAN only, and Debian packages neither it nor an equivalent, so this is a
# small one in core Perl (JSON::PP): every mandatory field, the type and
# form of every field the spec defines (SemVer versions, license strings,
# prereq phases and relations, resources, tags, no_index), no field outside
# the spec unless it starts with x_ or X_; then that each provided
# extension's file and docfile exist, and that its version is the control
# file's default_version (1.1 is 1.1.0 in SemVer).  Prints "META.json is
# OK" or the errors, and exits non-zero on any.
use strict;
use warnings;
use JSON::PP;
use File::Basename qw(dirname);

my $file = shift // 'META.json';
my $root = dirname($file);
my @errors;
sub err { push @errors, join '', @_ }

open my $fh, '<:raw', $file or die "cannot read $file: $!\n";
my $meta = eval { JSON::PP->new->utf8->decode(do { local $/; <$fh> }) };
die "$file is not JSON: $@" unless $meta;
die "$file: the top level must be an object\n" unless ref $meta eq 'HASH';

my $semver = qr/^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
# a prereq version: 0, a SemVer, or a range of comparisons
my $vop = qr/(?:(?:==|!=|>=|<=|>|<)\s*)?(?:0|(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+)?)/;
my %licenses = map { $_ => 1 } qw(
	agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd freebsd gfdl_1_2
	gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0 mozilla_1_1
	openssl perl_5 postgresql qpl_1_0 ssleay sun zlib open_source restricted
	unrestricted unknown);
my %top = map { $_ => 1 } qw(name version abstract maintainer license provides
	meta-spec description prereqs resources no_index generated_by release_status tags);

sub is_str { defined $_[0] && !ref $_[0] && length $_[0] }
sub custom { $_[0] =~ /^[xX]_./ }
sub keys_ok {
	my ($what, $h, @allowed) = @_;
	my %ok = map { $_ => 1 } @allowed;
	for (sort keys %$h) { err("$what: unknown field '$_'") unless $ok{$_} || custom($_) }
}
sub term_ok { my $t = shift; is_str($t) && length $t >= 2 && $t !~ m{[\s/\\:\p{Cc}]} }
sub url_ok { is_str($_[0]) && $_[0] =~ m{^[a-z][a-z0-9+.-]*:\S+$}i }

for (qw(name version abstract maintainer license provides meta-spec)) {
	err("missing mandatory field '$_'") unless exists $meta->{$_};
}
keys_ok('META.json', $meta, keys %top);

err("name: must be a term of 2 or more characters, without space, slash, backslash or colon")
	if exists $meta->{name} && !term_ok($meta->{name});
err("version: '$meta->{version}' is not a SemVer")
	if exists $meta->{version} && !(is_str($meta->{version}) && $meta->{version} =~ $semver);
err("abstract: must be a non-empty string") if exists $meta->{abstract} && !is_str($meta->{abstract});
err("description: must be a non-empty string") if exists $meta->{description} && !is_str($meta->{description});
err("generated_by: must be a non-empty string") if exists $meta->{generated_by} && !is_str($meta->{generated_by});

if (exists $meta->{maintainer}) {
	my $m = $meta->{maintainer};
	my @m = ref $m eq 'ARRAY' ? @$m : ($m);
	err("maintainer: must be a string or a non-empty array of strings")
		if !@m || grep { !is_str($_) } @m;
}

if (exists $meta->{license}) {
	my $l = $meta->{license};
	if (ref $l eq 'HASH') {
		err("license: an object must map names to URLs")
			if !%$l || grep { !url_ok($l->{$_}) } keys %$l;
	} else {
		my @l = ref $l eq 'ARRAY' ? @$l : ($l);
		err("license: '$_' is not a license string of the spec")
			for grep { !is_str($_) || !$licenses{$_} } @l;
		err("license: must not be empty") unless @l;
	}
}

if (exists $meta->{'meta-spec'}) {
	my $s = $meta->{'meta-spec'};
	if (ref $s ne 'HASH') {
		err("meta-spec: must be an object");
	} else {
		keys_ok('meta-spec', $s, qw(version url));
		err("meta-spec: version must be 1.0.0") unless ($s->{version} // '') eq '1.0.0';
		err("meta-spec: url must be a URL") if exists $s->{url} && !url_ok($s->{url});
	}
}

my %provides;
if (exists $meta->{provides}) {
	my $p = $meta->{provides};
	if (ref $p ne 'HASH' || !%$p) {
		err("provides: must be an object naming at least one extension");
	} else {
		for my $ext (sort keys %$p) {
			my $e = $p->{$ext};
			err("provides: '$ext' is not a term") unless term_ok($ext);
			if (ref $e ne 'HASH') { err("provides.$ext: must be an object"); next }
			keys_ok("provides.$ext", $e, qw(file version abstract docfile));
			err("provides.$ext: missing mandatory field '$_'") for grep { !exists $e->{$_} } qw(file version);
			err("provides.$ext: version '$e->{version}' is not a SemVer")
				if exists $e->{version} && !(is_str($e->{version}) && $e->{version} =~ $semver);
			for my $f (qw(file docfile abstract)) {
				err("provides.$ext: $f must be a non-empty string") if exists $e->{$f} && !is_str($e->{$f});
			}
			$provides{$ext} = $e;
		}
	}
}

if (exists $meta->{prereqs}) {
	my $p = $meta->{prereqs};
	if (ref $p ne 'HASH') {
		err("prereqs: must be an object");
	} else {
		keys_ok('prereqs', $p, qw(configure build test runtime develop));
		for my $phase (sort keys %$p) {
			my $rels = $p->{$phase};
			if (ref $rels ne 'HASH') { err("prereqs.$phase: must be an object"); next }
			keys_ok("prereqs.$phase", $rels, qw(requires recommends suggests conflicts));
			for my $rel (sort keys %$rels) {
				my $deps = $rels->{$rel};
				if (ref $deps ne 'HASH') { err("prereqs.$phase.$rel: must be an object"); next }
				for my $dep (sort keys %$deps) {
					my $v = $deps->{$dep};
					err("prereqs.$phase.$rel.$dep: '" . ($v // 'null') . "' is not a version or version range")
						unless defined $v && !ref $v && $v =~ /^\s*$vop(?:\s*,\s*$vop)*\s*$/;
				}
			}
		}
	}
}

if (exists $meta->{resources}) {
	my $r = $meta->{resources};
	if (ref $r ne 'HASH') {
		err("resources: must be an object");
	} else {
		keys_ok('resources', $r, qw(homepage bugtracker repository));
		err("resources.homepage: must be a URL") if exists $r->{homepage} && !url_ok($r->{homepage});
		if (exists $r->{bugtracker}) {
			my $b = $r->{bugtracker};
			if (ref $b ne 'HASH' || !(exists $b->{web} || exists $b->{mailto})) {
				err("resources.bugtracker: must be an object with web or mailto");
			} else {
				keys_ok('resources.bugtracker', $b, qw(web mailto));
				err("resources.bugtracker.web: must be a URL") if exists $b->{web} && !url_ok($b->{web});
				err("resources.bugtracker.mailto: must be an email address")
					if exists $b->{mailto} && !(is_str($b->{mailto}) && $b->{mailto} =~ /^[^@\s]+@[^@\s]+$/);
			}
		}
		if (exists $r->{repository}) {
			my $g = $r->{repository};
			if (ref $g ne 'HASH' || !(exists $g->{url} || exists $g->{web})) {
				err("resources.repository: must be an object with url or web");
			} else {
				keys_ok('resources.repository', $g, qw(url web type));
				for (qw(url web)) { err("resources.repository.$_: must be a URL") if exists $g->{$_} && !url_ok($g->{$_}) }
				err("resources.repository.type: must be a lower-case word")
					if exists $g->{type} && !(is_str($g->{type}) && $g->{type} =~ /^[a-z]+$/);
			}
		}
	}
}

if (exists $meta->{no_index}) {
	my $n = $meta->{no_index};
	if (ref $n ne 'HASH') {
		err("no_index: must be an object");
	} else {
		keys_ok('no_index', $n, qw(file directory));
		for my $k (keys %$n) {
			my @v = ref $n->{$k} eq 'ARRAY' ? @{$n->{$k}} : ($n->{$k});
			err("no_index.$k: must be a string or an array of strings") if grep { !is_str($_) } @v;
		}
	}
}

err("release_status: must be stable, testing or unstable")
	if exists $meta->{release_status} && !grep { ($meta->{release_status} // '') eq $_ } qw(stable testing unstable);

if (exists $meta->{tags}) {
	my $t = $meta->{tags};
	if (ref $t ne 'ARRAY' || !@$t) {
		err("tags: must be a non-empty array");
	} else {
		err("tags: '$_' must be a string of 1 to 255 characters")
			for grep { !is_str($_) || length $_ > 255 } @$t;
	}
}

# this tree: the files named exist; each extension's version is its
# control file's default_version
for my $ext (sort keys %provides) {
	my $e = $provides{$ext};
	for my $f (grep { is_str($e->{$_}) } qw(file docfile)) {
		err("provides.$ext: $f '$e->{$f}' does not exist") unless -e "$root/$e->{$f}";
	}
	my $control = "$root/$ext.control";
	if (open my $c, '<', $control) {
		my ($dv) = map { /^\s*default_version\s*=\s*'([^']*)'/ ? $1 : () } <$c>;
		my $want = defined $dv ? join('.', (split(/\./, $dv), 0, 0)[0 .. 2]) : undef;
		err("provides.$ext: version $e->{version} is not $ext.control's default_version $dv ($want)")
			if defined $want && is_str($e->{version}) && $e->{version} ne $want;
		err("version: the distribution's version $meta->{version} is not ${ext}'s $e->{version}")
			if $ext eq ($meta->{name} // '') && is_str($meta->{version}) && is_str($e->{version})
			&& $meta->{version} ne $e->{version};
	}
}

if (@errors) {
	print "$file is invalid. Errors:\n";
	print "  $_\n" for @errors;
	exit 1;
}
print "$file is OK\n";
