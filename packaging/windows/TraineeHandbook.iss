; Inno Setup script: a per-user installer that needs no administrator rights.
; Build on Windows after `python packaging\build_bundle.py` (see packaging/README.md):
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\TraineeHandbook.iss
; The installed app is NOT portable (the "portable" marker is left out): its settings go to
; %APPDATA%\TraineeHandbook. Vaults are never installed or removed by this installer.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\dist\TraineeHandbook"

[Setup]
AppId={{6F0C9B1E-5A7D-4C1F-9E2B-8D3A4F6B7C21}
AppName=Trainee Handbook
AppVersion={#AppVersion}
AppPublisher=Trainee Handbook contributors
DefaultDirName={autopf}\TraineeHandbook
DefaultGroupName=Trainee Handbook
DisableProgramGroupPage=yes
; no admin: installs under %LOCALAPPDATA%\Programs for the current user only
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=TraineeHandbook-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\icons\trainee-handbook.ico
UninstallDisplayIcon={app}\TraineeHandbook.exe
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Inno Setup ships no Vietnamese translation of its own wizard; the app itself speaks Vietnamese.
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Excludes: "portable,data\*,vault\*"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Trainee Handbook"; Filename: "{app}\TraineeHandbook.exe"
Name: "{autodesktop}\Trainee Handbook"; Filename: "{app}\TraineeHandbook.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\TraineeHandbook.exe"; Description: "{cm:LaunchProgram,Trainee Handbook}"; Flags: nowait postinstall skipifsilent
