using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Redress.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for tests: initdb into a fresh temp folder, started on a free 127.0.0.1 port,
/// stopped (immediate mode) and deleted on dispose. Needs the PostgreSQL server binaries (Debian: the postgresql package);
/// when the tests run as root the server runs as the postgres OS user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private const string Superuser = "postgres";
    private const int StartAttempts = 5;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _asPostgresUser;
    private readonly List<string> _connectionStrings = [];
    private int _disposed;

    private PostgresServer(string binDirectory, string rootDirectory, bool asPostgresUser, int port)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        AdminConnectionString = ConnectionStringFor("postgres");
        _connectionStrings.Add(AdminConnectionString);
    }

    /// <summary>The TCP port the server listens on (on 127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>A connection string to the server's "postgres" database, as the superuser.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The server's data directory (inside its temp folder).</summary>
    public string DataDirectory => DataDirectoryOf(_rootDirectory);

    /// <summary>initdb into a fresh temp folder and start the server on a free port; returns once it accepts connections.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        var binDirectory = await FindBinDirectoryAsync(ct);
        var asPostgresUser = Environment.UserName == "root";
        var rootDirectory = CreateRootDirectory(asPostgresUser);
        var dataDirectory = DataDirectoryOf(rootDirectory);
        try
        {
            if (asPostgresUser)
            {
                await RunCheckedAsync(FindSystemTool("chown"), ["-R", OsUser + ":", rootDirectory], rootDirectory, ct);
            }

            await RunCheckedAsync(
                Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-A", "trust", "-U", Superuser, "--no-sync", "-E", "UTF8", "--locale=C"],
                rootDirectory,
                ct,
                asPostgresUser);

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var logFile = Path.Combine(rootDirectory, $"postgres-{attempt}.log");
                var options = string.Create(
                    CultureInfo.InvariantCulture,
                    $"-p {port} -k '{rootDirectory}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
                var (exitCode, output) = await RunAsync(
                    Path.Combine(binDirectory, "pg_ctl"),
                    ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", logFile, "-o", options],
                    rootDirectory,
                    ct,
                    asPostgresUser);
                if (exitCode == 0)
                {
                    var server = new PostgresServer(binDirectory, rootDirectory, asPostgresUser, port);
                    AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
                    return server;
                }

                var log = ReadLog(logFile);
                // The port was free a moment ago, but another process may have taken it since: try another.
                var portTaken = log.Contains("could not bind", StringComparison.Ordinal) || log.Contains("Address already in use", StringComparison.Ordinal);
                if (!portTaken || attempt == StartAttempts)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL did not start (pg_ctl exit code {exitCode}, attempt {attempt}, port {port}).{Environment.NewLine}" +
                        $"pg_ctl: {output}{Environment.NewLine}Server log ({logFile}):{Environment.NewLine}{log}");
                }
            }
        }
        catch
        {
            // pg_ctl may have given up waiting while the server still came up: make sure nothing is left running.
            await StopServerAsync(binDirectory, rootDirectory, asPostgresUser);
            DeleteDirectory(rootDirectory);
            throw;
        }
    }

    /// <summary>CREATE DATABASE (a unique name unless one is given); returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        name ??= "redress_" + Guid.NewGuid().ToString("N");
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain database name (letters, digits and underscores, at most 63).", nameof(name));
        }

        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync(ct);
        }

        var connectionString = ConnectionStringFor(name);
        lock (_connectionStrings)
        {
            _connectionStrings.Add(connectionString);
        }
        return connectionString;
    }

    /// <summary>Stop the server (immediate mode: the data is thrown away anyway) and delete its temp folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        ClearPools();
        await StopServerAsync(_binDirectory, _rootDirectory, _asPostgresUser);
        DeleteDirectory(_rootDirectory);
    }

    private string ConnectionStringFor(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={Superuser};Database={database};Pooling=true;Include Error Detail=true");

    // A test host that exits without disposing its server still stops it (a killed one cannot). The test platform kills
    // the test host soon after the run ends, so the stop and the clean-up go to a detached shell rather than waiting here.
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        var pgCtl = ShellQuote(Path.Combine(_binDirectory, "pg_ctl"));
        var stop = $"{pgCtl} stop -w -t 30 -m immediate -D {ShellQuote(DataDirectory)}";
        if (_asPostgresUser)
        {
            stop = $"{ShellQuote(FindSystemTool("runuser"))} -u {OsUser} -- {stop}";
        }
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = _rootDirectory };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"exec </dev/null >/dev/null 2>&1; {stop}; rm -rf {ShellQuote(_rootDirectory)}");
        try
        {
            using var _ = Process.Start(startInfo);
        }
        catch (Win32Exception)
        {
            // Nothing more can be done while the process exits.
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private void ClearPools()
    {
        string[] connectionStrings;
        lock (_connectionStrings)
        {
            connectionStrings = [.. _connectionStrings];
        }
        foreach (var connectionString in connectionStrings)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static async Task StopServerAsync(string binDirectory, string rootDirectory, bool asPostgresUser)
    {
        var dataDirectory = DataDirectoryOf(rootDirectory);
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }
        try
        {
            var (exitCode, _) = await RunAsync(
                Path.Combine(binDirectory, "pg_ctl"), ["stop", "-w", "-t", "30", "-m", "immediate", "-D", dataDirectory], rootDirectory, CancellationToken.None, asPostgresUser);
            if (exitCode == 0 || !File.Exists(pidFile))
            {
                return;
            }
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or TimeoutException)
        {
            // Fall through to killing the postmaster.
        }

        // pg_ctl could not stop it: kill the postmaster (its backends exit when they see it gone).
        try
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            if (int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                postmaster.Kill();
                await postmaster.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or Win32Exception or OperationCanceledException)
        {
            // Already gone, or not ours to kill; nothing more to do.
        }
    }

    private static void DeleteDirectory(string directory)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A just-stopped server may still be removing its files; a leftover temp folder is not worth failing a run for.
                Thread.Sleep(200 * attempt);
            }
        }
    }

    private static string DataDirectoryOf(string rootDirectory) => Path.Combine(rootDirectory, "data");

    private static string CreateRootDirectory(bool asPostgresUser)
    {
        // As root the folder must be reachable by the postgres user, and TMPDIR may point somewhere under /root.
        // The name stays short: the Unix socket path (folder + "/.s.PGSQL.<port>") must fit in 107 bytes.
        var parent = asPostgresUser ? "/tmp" : Path.GetTempPath();
        var directory = Path.Combine(parent, "redress-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<string> FindBinDirectoryAsync(CancellationToken ct)
    {
        static bool HasServer(string? directory) =>
            !string.IsNullOrEmpty(directory) && File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

        // pg_config may come from a libpq-dev of another major version than the server's, so check what it points at.
        try
        {
            var (exitCode, output) = await RunAsync("pg_config", ["--bindir"], Environment.CurrentDirectory, ct, redirectError: false);
            var directory = output.Trim();
            if (exitCode == 0 && HasServer(directory))
            {
                return directory;
            }
        }
        catch (Win32Exception)
        {
            // No pg_config on the PATH.
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: Version.TryParse(Path.GetFileName(d) + ".0", out var v) ? v : null))
                .Where(c => c.Version is not null && HasServer(c.Directory))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Directory)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).FirstOrDefault(HasServer);
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found via pg_config --bindir, in /usr/lib/postgresql/*/bin or on the PATH. " +
            "Install them (Debian: apt-get install postgresql; ./test.sh does this).");
    }

    // runuser lives in /usr/sbin, which is not always on a test runner's PATH.
    private static string FindSystemTool(string name) =>
        SystemDirectories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists) ?? name;

    private static string ReadLog(string logFile)
    {
        try
        {
            return File.Exists(logFile) ? File.ReadAllText(logFile) : "(no log file was written)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(could not read the log file: {e.Message})";
        }
    }

    private static async Task RunCheckedAsync(string fileName, string[] arguments, string workingDirectory, CancellationToken ct, bool asPostgresUser = false)
    {
        var (exitCode, output) = await RunAsync(fileName, arguments, workingDirectory, ct, asPostgresUser);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} failed with exit code {exitCode}:{Environment.NewLine}{output}");
        }
    }

    /// <summary>Run a command to completion; its stdout and stderr together.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, string[] arguments, string workingDirectory, CancellationToken ct, bool asPostgresUser = false, bool redirectError = true)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = asPostgresUser ? FindSystemTool("runuser") : fileName,
            // initdb and pg_ctl fail if they cannot read the current directory, and as postgres they may not read root's.
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = redirectError,
        };
        if (asPostgresUser)
        {
            foreach (var argument in (string[])["-u", OsUser, "--", fileName])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // PG* variables (PGDATA, PGPORT, PGOPTIONS...) in the developer's shell must not steer the throwaway server.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }
        startInfo.Environment["LC_ALL"] = "C";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = redirectError ? process.StandardError.ReadToEndAsync(timeout.Token) : Task.FromResult("");
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, (await stdout + await stderr).Trim());
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }
            throw new TimeoutException($"{string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName))} did not finish within {CommandTimeout}.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}

/// <summary>One PostgreSQL server for the whole test run, shared by every test class in <see cref="PostgresCollection"/>.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not been started.");

    public string AdminConnectionString => Server.AdminConnectionString;

    /// <summary>A fresh database on the shared server; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string? name = null, CancellationToken ct = default) => Server.CreateDatabaseAsync(name, ct);

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xunit calls these collections.")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
